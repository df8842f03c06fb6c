import { describe, expect, it } from 'vitest';
import { collect, fieldsOf } from '../../../test/ingest/support/fixtures.ts';

describe('parquet adapter', () => {
  it('reads the schema as columns and each row as strings, dates as YYYY-MM-DD and structs dotted', async () => {
    const { items, columns, error } = await collect('parquet', 'claimants.parquet');
    expect(error).toBeNull();
    expect(columns).toEqual(['ClaimantRef', 'NINO', 'Forename', 'Surname', 'DOB', 'Postcode', 'ClaimStart', 'Office']);
    expect(items.map((i) => i.rowNumber)).toEqual([1, 2, 3]);
    expect(fieldsOf(items)[0]).toMatchObject({ ClaimantRef: 'N1', DOB: '2005-02-01', 'Office.office': 'North' });
    expect(fieldsOf(items)[2]).toMatchObject({ ClaimantRef: 'N3', Forename: null });
  });

  it.each([
    { description: 'a file cut in half', file: 'truncated.parquet', code: 'INGEST_MALFORMED' },
    { description: 'a CSV file', file: 'pupils.csv', code: 'INGEST_MALFORMED' },
    { description: 'an empty file', file: 'empty.parquet', code: 'INGEST_EMPTY_FILE' },
  ])('stops on $description', async ({ file, code }) => {
    const { error } = await collect('parquet', file);
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(file);
  });
});
