/**
 * Chunks of records new to the dataset go straight into source_records, events and relationships
 * with ids drawn ahead from the records' sequence (`record-ids.ts`). The store then holds exactly
 * what the staged write leaves; the ids are the sequence's own, so later writes never collide with
 * them; and when another session draws from the sequence at the same moment the load falls back to
 * the staged write for the chunks concerned and still ends whole (PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { countsOf, ingestFixture, loaded } from './support/load.ts';
import { PUPILS_HEADER } from './support/temp-files.ts';

/** Pupils P<from>..P<to>, every third with a suspension (and, for PERM, an exclusion), every other with a parent. */
const pupils = (from: number, to: number, forename = 'ann'): string => {
  const lines = [PUPILS_HEADER];
  for (let i = from; i <= to; i += 1) {
    const suspended = i % 3 === 0 ? `0${(i % 9) + 1}/03/2023` : '';
    lines.push(`P${i},,${forename}${i % 7},Smith,01/01/2010,TB1 1AA,${suspended},${i % 6 === 0 ? 'PERM' : ''},${i % 2 ? `Mary Smith${i % 5},Mother` : ','}`);
  }
  return `${lines.join('\n')}\n`;
};

/** What the store holds for the dataset, with records named by local id instead of their ids. */
async function contents(store: Store): Promise<unknown> {
  const records = await store.sql.query(`
    SELECT kind, local_id, row_number, given_name, family_name, dob::text, postcode, upn, extra_ids, attributes, raw, agency_id
    FROM source_records WHERE dataset_id = 'pupils' ORDER BY kind, local_id`);
  const events = await store.sql.query(`
    SELECT r.local_id, e.code, e.occurred_on::text, e.value, e.detail, e.special_category
    FROM events e JOIN source_records r ON r.id = e.source_record_id WHERE e.dataset_id = 'pupils' ORDER BY 1, 2, 3`);
  const relationships = await store.sql.query(`
    SELECT f.local_id AS from_id, t.local_id AS to_id, rel.kind FROM relationships rel
    JOIN source_records f ON f.id = rel.from_record_id JOIN source_records t ON t.id = rel.to_record_id
    WHERE rel.dataset_id = 'pupils' ORDER BY 1, 2, 3`);
  return { records, events, relationships };
}

const reset = (store: Store): Promise<void> =>
  store.sql.exec('TRUNCATE source_records, events, relationships, quarantined_rows, ingest_batches CASCADE');

describe.each(storeTargets)('writing new records directly on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it('leaves exactly what the staged write leaves', async () => {
    const file = suite.dir.file('direct.csv', pupils(1, 40));
    await reset(suite.store);
    loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows: 7, direct: false }));
    const staged = await contents(suite.store);
    await reset(suite.store);
    const direct = loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows: 7 }));
    expect(await contents(suite.store)).toEqual(staged);
    expect(direct.stats.eventsAdded).toBe((await countsOf(suite.store, 'pupils')).events);
  });

  it('takes its ids from the sequence, so that later writes never reuse them', async () => {
    await reset(suite.store);
    loaded(await ingestFixture(suite.store, 'pupils', suite.dir.file('first.csv', pupils(1, 30)), { chunkRows: 4 }));
    const [drawn] = await suite.store.sql.query<{ top: string; sequence: string }>(
      `SELECT (SELECT max(id) FROM source_records)::text AS top, (SELECT last_value FROM source_records_id_seq)::text AS sequence`);
    expect(BigInt(drawn!.top)).toBeLessThanOrEqual(BigInt(drawn!.sequence));
    // a second extract: the first ten pupils again with new values (the upsert), ten new ones
    const second = loaded(await ingestFixture(suite.store, 'pupils', suite.dir.file('second.csv', pupils(21, 40, 'bob')), { chunkRows: 4 }));
    expect(second.stats.rowsLoaded).toBe(20);
    const counts = await countsOf(suite.store, 'pupils');
    expect(counts.subjects).toBe(40);
    const [renamed] = await suite.store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM source_records WHERE kind = 'subject' AND given_name LIKE 'bob%'`);
    expect(renamed!.n).toBe(20);
  });
});

// another session drawing ids at the same moment needs a second connection: PostgreSQL only
describe.each(storeTargets.filter((t) => t.name === 'postgres'))('writing new records directly on $name, with a rival', ({ open }) => {
  const suite = useIngestSuite(open);

  it('falls back to the staged write when another session draws ids at the same moment, and ends whole', async () => {
    await reset(suite.store);
    let drawing = true;
    const rival = (async () => {
      let drawn = 0;
      while (drawing) {
        // long draws, so that the load's own draws run while one is under way
        await suite.store.sql.query(`SELECT count(nextval('source_records_id_seq')) FROM generate_series(1, 5000)`);
        drawn += 1;
      }
      return drawn;
    })();
    const outcome = loaded(await ingestFixture(suite.store, 'pupils', suite.dir.file('rival.csv', pupils(1, 400)), { chunkRows: 2 }));
    drawing = false;
    expect(await rival).toBeGreaterThan(0);
    expect(outcome.stats.rowsLoaded).toBe(400);
    const counts = await countsOf(suite.store, 'pupils');
    expect(counts.subjects).toBe(400);
    expect(counts.relationships).toBe(200);
    const [distinct] = await suite.store.sql.query<{ n: number }>(`SELECT count(DISTINCT id)::int AS n FROM source_records`);
    expect(distinct!.n).toBe(counts.records);
  });
});
