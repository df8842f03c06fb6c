/** Sending a file twice loads it once; a later extract updates records and adds only new events. */
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { batchesOf, countsOf, ingestFixture, loaded } from './support/load.ts';
import { PUPILS_HEADER } from './support/temp-files.ts';

describe.each(storeTargets)('idempotent loading on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it('reports a second send of the same file as already loaded, and loads nothing', async () => {
    const first = loaded(await ingestFixture(suite.store, 'pupils', 'pupils-town.csv'));
    const before = await countsOf(suite.store, 'pupils');
    const second = await ingestFixture(suite.store, 'pupils', 'pupils-town.csv');
    expect(second).toMatchObject({ status: 'already-loaded', batchId: first.batchId });
    expect(await countsOf(suite.store, 'pupils')).toEqual(before);
    expect((await batchesOf(suite.store, 'pupils')).map((b) => b.status)).toEqual(['complete']);
  });

  it('updates a record from a later extract and adds only its new events', async () => {
    const january = suite.dir.file('january.csv', [
      PUPILS_HEADER,
      'M1,,Ann,Smith,01/02/2010,TB1 1AA,03/03/2023,,,',
      'M2,,Bob,Jones,02/02/2010,TB1 1AB,04/03/2023,,,',
      'M2,,Bob,Jones,02/02/2010,TB1 1AB,04/03/2023,,,', // the same row twice: one record, one event
    ].join('\n'));
    const february = suite.dir.file('february.csv', [
      PUPILS_HEADER,
      'M1,,Ann,Smith,01/02/2010,TB2 2BB,03/03/2023,,,', // moved house; the same suspension again
      'M1,,Ann,Smith,01/02/2010,TB2 2BB,10/10/2023,PERM,,', // a new suspension and a permanent exclusion
    ].join('\n'));
    const jan = loaded(await ingestFixture(suite.store, 'pupils', january));
    expect([jan.stats.rowsRead, jan.stats.rowsLoaded, jan.stats.eventsAdded]).toEqual([3, 3, 2]);
    const feb = loaded(await ingestFixture(suite.store, 'pupils', february));
    expect([feb.stats.rowsRead, feb.stats.rowsLoaded, feb.stats.eventsAdded]).toEqual([2, 2, 2]);
    const records = await suite.store.sql.query<{ local_id: string; postcode: string; batch_id: number }>(
      `SELECT local_id, postcode, batch_id::int AS batch_id FROM source_records WHERE local_id IN ('M1', 'M2') ORDER BY local_id`,
    );
    expect(records).toEqual([
      { local_id: 'M1', postcode: 'TB2 2BB', batch_id: feb.batchId },
      { local_id: 'M2', postcode: 'TB1 1AB', batch_id: jan.batchId },
    ]);
    const events = await suite.store.sql.query<{ local_id: string; code: string; on: string }>(
      `SELECT r.local_id, e.code, e.occurred_on::text AS on FROM events e JOIN source_records r ON r.id = e.source_record_id
        WHERE r.local_id IN ('M1', 'M2') ORDER BY 1, 3, 2`,
    );
    expect(events).toEqual([
      { local_id: 'M1', code: 'school.suspension', on: '2023-03-03' },
      { local_id: 'M1', code: 'school.permanent_exclusion', on: '2023-10-10' },
      { local_id: 'M1', code: 'school.suspension', on: '2023-10-10' },
      { local_id: 'M2', code: 'school.suspension', on: '2023-03-04' },
    ]);
  });
});
