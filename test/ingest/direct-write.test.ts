/**
 * Chunks of records new to the dataset go straight into source_records, events and relationships
 * with ids drawn ahead from the records' sequence (`record-ids.ts`). The store then holds exactly
 * what the staged write leaves; the ids are the sequence's own, so later writes never collide with
 * them; and when another session draws from the sequence at the same moment the load falls back to
 * the staged write for the chunks concerned and still ends whole (PostgreSQL).
 */
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { countsOf, emptyIngestTables, holdings, ingestFixture, loaded } from './support/load.ts';
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

describe.each(storeTargets)('writing new records directly on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it('leaves exactly what the staged write leaves', async () => {
    const file = suite.dir.file('direct.csv', pupils(1, 40));
    await emptyIngestTables(suite.store);
    loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows: 7, direct: false }));
    const staged = await holdings(suite.store);
    await emptyIngestTables(suite.store);
    const direct = loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows: 7 }));
    expect(await holdings(suite.store)).toEqual(staged);
    expect(direct.stats.eventsAdded).toBe((await countsOf(suite.store, 'pupils')).events);
  });

  it('takes its ids from the sequence, so that later writes never reuse them', async () => {
    await emptyIngestTables(suite.store);
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
    await emptyIngestTables(suite.store);
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
