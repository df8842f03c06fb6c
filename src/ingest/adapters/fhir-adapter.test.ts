import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/ingest/support/fixtures.ts';

const patientOne = {
  'identifier.0.value': '9434765919', 'name.0.family': 'Smith', 'name.0.given': 'Ann;Marie', 'name.0.given.0': 'Ann',
  birthDate: '2010-02-01', 'address.0.postalCode': 'AB1 2CD',
};

describe('fhir adapter', () => {
  it.each([
    { description: 'newline-delimited Bundles', file: 'patients.fhir.ndjson' },
    { description: 'one big Bundle', file: 'patients-bundle.json' },
  ])('reads $description: the Patient flattened, its resources grouped by type', async ({ file }) => {
    const { items, error } = await collect('fhir', file);
    expect(error).toBeNull();
    expect(items[0]).toMatchObject({ ok: true, rowNumber: 1, fields: patientOne });
    const first = items[0]!;
    expect(first.ok && first.groups.EpisodeOfCare).toEqual([expect.objectContaining({ 'period.start': '2023-01-05', 'type.0.coding.0.code': 'substance-misuse' })]);
    expect(first.ok && first.groups.Encounter?.map((e) => e['period.start'])).toEqual(['2023-03-01']);
    // the second patient's Encounter comes before its Patient entry
    expect(items[1]).toMatchObject({ ok: true, fields: { id: 'p2' }, groups: { Encounter: [expect.objectContaining({ 'period.start': '2023-04-01' })] } });
  });

  it('quarantines a resource whose Patient is not beside it', async () => {
    const { items } = await collect('fhir', 'patients-bundle.json');
    expect(items).toHaveLength(3);
    expect(items[2]).toMatchObject({ ok: false, rowNumber: 3, error: { code: 'INGEST_FHIR_NO_PATIENT' } });
  });

  it.each([
    { description: 'a Bundle cut off mid-line', file: 'truncated.fhir.ndjson', code: 'INGEST_TRUNCATED' },
    { description: 'a JSON array instead of Bundles', file: 'referrals.json', code: 'INGEST_MALFORMED' },
    { description: 'invalid UTF-8', file: 'latin1.fhir.ndjson', code: 'INGEST_ENCODING' },
    { description: 'an empty file', file: 'empty.fhir.ndjson', code: 'INGEST_EMPTY_FILE' },
    { description: 'JSON without Bundle entries', file: 'referrals-wrapped.json', code: 'INGEST_NO_RECORDS_FOUND' },
  ])('stops on $description', async ({ file, code }) => {
    const { error } = await collect('fhir', file);
    expect(error?.code).toBe(code);
  });
});
