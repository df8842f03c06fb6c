/**
 * A bad file fails whole: a clear error naming the file and the place, the batch marked failed,
 * nothing of it kept — read in the loading thread or in a worker thread (`chunk-thread.ts`) alike.
 */
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { batchesOf, countsOf, ingestFixture } from './support/load.ts';

const cases = [
  { description: 'a truncated JSON array (after a good record)', dataset: 'referrals', file: 'truncated.json', code: 'INGEST_TRUNCATED', place: '(line 2)' },
  { description: 'JSON with a syntax error', dataset: 'referrals', file: 'malformed.json', code: 'INGEST_MALFORMED', place: '(line 2, column 8)' },
  { description: 'a CSV file sent as JSON', dataset: 'referrals', file: 'not-json.json', code: 'INGEST_MALFORMED', place: '(line 1)' },
  { description: 'an XML document cut off', dataset: 'children', file: 'truncated.xml', code: 'INGEST_TRUNCATED', place: '(line 3, column 42)' },
  { description: 'badly nested XML', dataset: 'children', file: 'malformed.xml', code: 'INGEST_MALFORMED', place: '(line 2' },
  { description: 'a fixed-width file cut off', dataset: 'pupils-fixed', file: 'truncated.txt', code: 'INGEST_TRUNCATED', place: '(line 2)' },
  { description: 'Latin-1 bytes in a UTF-8 extract', dataset: 'pupils-fixed', file: 'latin1.txt', code: 'INGEST_ENCODING', place: '(line 1, column 10)' },
  { description: 'an empty file', dataset: 'referrals', file: 'empty.json', code: 'INGEST_EMPTY_FILE', place: '' },
  { description: 'a FHIR Bundle cut off', dataset: 'patients', file: 'truncated.fhir.ndjson', code: 'INGEST_TRUNCATED', place: '(line 2)' },
  { description: 'half a Parquet file', dataset: 'claimants', file: 'truncated.parquet', code: 'INGEST_MALFORMED', place: '' },
  { description: 'a CSV header lacking mapped columns', dataset: 'pupils', file: 'pupils.csv', code: 'INGEST_MISSING_COLUMNS', place: '(line 1)' },
  { description: 'a CSV file cut off inside a quote', dataset: 'pupils', file: 'truncated-quote.csv', code: 'INGEST_MISSING_COLUMNS', place: '(line 1)' },
];

describe.each(storeTargets)('bad files on $name', ({ open }) => {
  const suite = useIngestSuite(open);

  it.each(cases.flatMap((c) => [{ ...c, thread: false }, { ...c, thread: true }]))('$description: $code (worker thread: $thread)', async ({ dataset, file, code, place, thread }) => {
    const before = await countsOf(suite.store, dataset);
    const outcome = await ingestFixture(suite.store, dataset, file, { thread });
    expect(outcome).toMatchObject({ status: 'failed', code });
    expect(outcome.status === 'failed' && outcome.message).toContain(`${file}${place ? ` ${place}` : ''}`);
    expect(await countsOf(suite.store, dataset)).toEqual(before);
    const batch = (await batchesOf(suite.store, dataset)).at(-1);
    expect(batch).toMatchObject({ status: 'failed', rows_read: 0, error: expect.stringContaining(code) });
  });

  it('fails a file that does not exist without recording a batch', async () => {
    const before = await batchesOf(suite.store, 'pupils');
    expect(await ingestFixture(suite.store, 'pupils', 'no-such-file.csv')).toMatchObject({ status: 'failed', batchId: null, code: 'INGEST_FILE_NOT_FOUND' });
    expect(await batchesOf(suite.store, 'pupils')).toEqual(before);
  });

  it('keeps nothing of a CSV cut off after many good rows, written in several chunks', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `T${i},,Ann,Smith,01/02/2010,TB1 1AA,03/03/2023,,,`);
    const file = suite.dir.file('cut.csv', `PupilId,UPN,Forename,Surname,DOB,Postcode,SuspensionDate,ExclusionType,ParentName,ParentRelation\n${rows.join('\n')}\nT999,,"Ann`);
    const before = await countsOf(suite.store, 'pupils');
    const outcome = await ingestFixture(suite.store, 'pupils', file, { chunkRows: 25 });
    expect(outcome).toMatchObject({ status: 'failed', code: 'INGEST_TRUNCATED' });
    expect(await countsOf(suite.store, 'pupils')).toEqual(before);
  });
});
