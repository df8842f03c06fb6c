/**
 * A first load writes chunks of new records straight into the tables (or, without a run of ids, with
 * plain INSERTs from the staging tables) and switches to the upsert for a chunk holding a record seen
 * in an earlier chunk (`fresh-keys.ts`): whatever the order of the rows, the store ends as the upsert
 * alone would leave it — the last row of each record, each distinct event once, each relationship
 * once (fast-check, small chunks, on both engines, written directly and staged).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { emptyIngestTables, ingestFixture, loaded } from './support/load.ts';
import { PUPILS_HEADER } from './support/temp-files.ts';

const row = fc.record({
  id: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'),
  forename: fc.constantFrom('ann', 'bob', 'cara', 'dev'),
  suspension: fc.constantFrom('', '01/02/2023', '05/06/2023', '09/10/2023'),
  parent: fc.boolean(),
});

describe.each(storeTargets)('a first load with repeated records on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it.each([{ direct: true }, { direct: false }])('leaves the last row of each record, each event once and each relationship once (direct: $direct)', async ({ direct }) => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 4 }), async (rows, chunkRows) => {
      run += 1;
      await emptyIngestTables(suite.store);
      const lines = rows.map((r) => `${r.id},,${r.forename},Smith,01/01/2010,TB1 1AA,${r.suspension},,${r.parent ? 'Mary Smith,Mother' : ','}`);
      const file = suite.dir.file(`run-${run}.csv`, [PUPILS_HEADER, ...lines].join('\n') + '\n');
      const { stats } = loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows, direct }));
      expect(stats.rowsLoaded).toBe(rows.length);

      const last = new Map(rows.map((r) => [r.id, r.forename]));
      const held = await suite.store.sql.query<{ local_id: string; given_name: string }>(
        `SELECT local_id, given_name FROM source_records WHERE dataset_id = 'pupils' AND kind = 'subject' ORDER BY local_id`);
      expect(held).toEqual([...last].sort(([a], [b]) => a.localeCompare(b)).map(([local_id, given_name]) => ({ local_id, given_name })));

      const events = new Set(rows.filter((r) => r.suspension).map((r) => `${r.id} ${r.suspension.split('/').reverse().join('-')}`));
      const heldEvents = await suite.store.sql.query<{ e: string }>(
        `SELECT r.local_id || ' ' || e.occurred_on::text AS e FROM events e JOIN source_records r ON r.id = e.source_record_id
         WHERE e.dataset_id = 'pupils' AND e.code = 'school.suspension' ORDER BY 1`);
      expect(heldEvents.map((e) => e.e)).toEqual([...events].sort());
      expect(stats.eventsAdded).toBe(events.size);

      const parents = new Set(rows.filter((r) => r.parent).map((r) => r.id));
      const relationships = await suite.store.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM relationships rel JOIN source_records f ON f.id = rel.from_record_id JOIN source_records t ON t.id = rel.to_record_id
         WHERE rel.dataset_id = 'pupils' AND f.kind = 'contact' AND t.kind = 'subject' AND f.local_id LIKE t.local_id || '~contact-%'`);
      expect(relationships[0]!.n).toBe(parents.size);
    }), { numRuns: 20 });
  });
});

describe.each(storeTargets)('whether a dataset already holds records, on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it('is asked of the records themselves when no complete batch has loaded any (records written otherwise are upserted, not duplicated)', async () => {
    const first = suite.dir.file('first.csv', `${PUPILS_HEADER}\nP1,,ann,Smith,01/01/2010,TB1 1AA,,,,\n`);
    const { batchId } = loaded(await ingestFixture(suite.store, 'pupils', first));
    // as if the records had come some other way: no batch of the dataset says it loaded any
    await suite.store.sql.query(`UPDATE ingest_batches SET rows_loaded = 0 WHERE id = $1`, [batchId]);
    const again = suite.dir.file('again.csv', `${PUPILS_HEADER}\nP1,,bob,Smith,01/01/2010,TB1 1AA,,,,\nP2,,cara,Smith,01/01/2010,TB1 1AA,,,,\n`);
    expect(loaded(await ingestFixture(suite.store, 'pupils', again)).stats.rowsLoaded).toBe(2);
    const held = await suite.store.sql.query<{ local_id: string; given_name: string }>(
      `SELECT local_id, given_name FROM source_records WHERE dataset_id = 'pupils' AND kind = 'subject' ORDER BY local_id`);
    expect(held).toEqual([{ local_id: 'P1', given_name: 'bob' }, { local_id: 'P2', given_name: 'cara' }]);
  });
});
