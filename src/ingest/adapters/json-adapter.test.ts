import { describe, expect, it } from 'vitest';
import { collect, fieldsOf } from '../../../test/ingest/support/fixtures.ts';

describe('json adapter', () => {
  it('streams a top-level array, flattening each element and exposing arrays of objects as groups', async () => {
    const { items, error } = await collect('json', 'referrals.json');
    expect(error).toBeNull();
    expect(items.map((i) => i.rowNumber)).toEqual([1, 2, 3, 4]);
    const [first] = items;
    expect(first).toMatchObject({
      ok: true,
      fields: { id: 'R1', 'child.forename': 'Ann', 'child.nhs': '943 476 5919', 'episodes.1.type': 'CPP', flags: 'a;b' },
      groups: { episodes: [{ type: 'CIN', start: '2023-01-05' }, { type: 'CPP', start: '2023-06-01' }] },
    });
    expect(items[1]).toMatchObject({ ok: true, groups: { episodes: [] } });
  });

  it('quarantines an element that is not an object', async () => {
    const { items } = await collect('json', 'referrals.json');
    expect(items[2]).toMatchObject({ ok: false, rowNumber: 3, error: { code: 'INGEST_ROW_NOT_OBJECT' } });
  });

  it('reads the array at options.record_path', async () => {
    const { items } = await collect('json', 'referrals-wrapped.json', { record_path: 'data.referrals' });
    expect(fieldsOf(items).map((f) => f.id)).toEqual(['R1', 'R2']);
  });

  it('reads newline-delimited JSON by line, quarantining a bad line and skipping blank ones', async () => {
    const { items, error } = await collect('json', 'referrals.ndjson');
    expect(error).toBeNull();
    expect(items.map((i) => [i.rowNumber, i.ok])).toEqual([[1, true], [3, true], [4, false], [5, true]]);
    expect(items[2]).toMatchObject({ error: { code: 'INGEST_ROW_UNPARSEABLE' } });
  });

  it.each([
    { description: 'a truncated array', file: 'truncated.json', options: {}, code: 'INGEST_TRUNCATED', line: 2 },
    { description: 'a syntax error', file: 'malformed.json', options: {}, code: 'INGEST_MALFORMED', line: 2 },
    { description: 'a CSV file', file: 'not-json.json', options: {}, code: 'INGEST_MALFORMED', line: 1 },
    { description: 'a truncated last NDJSON line', file: 'truncated.ndjson', options: {}, code: 'INGEST_TRUNCATED', line: 2 },
    { description: 'invalid UTF-8', file: 'latin1.json', options: {}, code: 'INGEST_ENCODING', line: 1 },
    { description: 'an empty file', file: 'empty.json', options: {}, code: 'INGEST_EMPTY_FILE', line: undefined },
    { description: 'a file of white space', file: 'blank.json', options: {}, code: 'INGEST_EMPTY_FILE', line: undefined },
    { description: 'a record_path that is missing', file: 'referrals-wrapped.json', options: { record_path: 'data.pupils' }, code: 'INGEST_NO_RECORDS_FOUND', line: undefined },
    { description: 'a record_path that is not an array', file: 'referrals-wrapped.json', options: { record_path: 'meta.exported' }, code: 'INGEST_NO_RECORDS_FOUND', line: undefined },
  ])('stops on $description, naming the file and the line', async ({ file, options, code, line }) => {
    const { error } = await collect('json', file, options);
    expect(error?.code).toBe(code);
    expect(error?.where.line).toBe(line);
    expect(error?.message).toContain(file);
  });
});
