/**
 * For any generated extract, every row read is either loaded or quarantined: in the outcome, in
 * the batch row and in the store (fast-check, on both engines).
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { batchesOf, countsOf, ingestFixture, loaded } from './support/load.ts';
import { PUPILS_HEADER } from './support/temp-files.ts';

const COLUMNS = PUPILS_HEADER.split(',');
const text = fc.oneof(
  fc.constantFrom('', ' ', 'Ann', "O'Brien", 'Zoë', 'a,b', 'say "hi"', 'two\nlines', '=1+1'),
  fc.string({ maxLength: 8 }),
);
const date = fc.constantFrom('', '01/02/2010', '31/02/2010', '2010-02-01', 'soon', '29/02/2012', '00/00/0000');
const pupil = fc.record({
  PupilId: fc.oneof(fc.constant(''), fc.stringMatching(/^P[0-9]{1,3}$/)),
  UPN: fc.constantFrom('', 'A123', 'H801200001001'),
  Forename: text, Surname: text, DOB: date,
  Postcode: fc.constantFrom('', 'TB1 1AA', 'tb11aa', 'D02 X285', 'nowhere'),
  SuspensionDate: date, ExclusionType: fc.constantFrom('', 'PERM', 'FIXED'),
  ParentName: text, ParentRelation: fc.constantFrom('', 'Mother', 'Carer', 'Neighbour'),
});
/** A row as written: a proper CSV record, or a line with the wrong number of fields. */
const line = fc.oneof(
  { weight: 9, arbitrary: pupil.map((p) => stringify([COLUMNS.map((c) => p[c as keyof typeof p])]).trimEnd()) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 14 }).map((n) => Array.from({ length: n }, (_, i) => (i === 0 ? 'X1' : 'v')).join(',')) },
);

describe.each(storeTargets)('conservation on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it('rows read = loaded + quarantined, whatever the rows', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
      run += 1;
      // a first row unique to the run, so that no two runs send the same file
      const file = suite.dir.file(`run-${run}.csv`, [PUPILS_HEADER, `RUN${run},,Run,Marker,01/01/2010,,,,,`, ...lines].join('\n') + '\n');
      const { stats, batchId } = loaded(await ingestFixture(suite.store, 'pupils', file, { chunkRows: 7 }));
      expect(stats.rowsRead).toBe(lines.length + 1);
      expect(stats.rowsLoaded + stats.rowsQuarantined).toBe(stats.rowsRead);
      const batch = (await batchesOf(suite.store, 'pupils')).find((b) => b.id === batchId);
      expect(batch).toMatchObject({ rows_read: stats.rowsRead, rows_loaded: stats.rowsLoaded, rows_quarantined: stats.rowsQuarantined });
      expect((await countsOf(suite.store, 'pupils', batchId)).quarantined).toBe(stats.rowsQuarantined);
    }), { numRuns: 15 });
  });
});
