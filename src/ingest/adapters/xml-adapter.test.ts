import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/ingest/support/fixtures.ts';

describe('xml adapter', () => {
  it('makes each record element a row: attributes as @keys, nested elements dotted, repeated ones as groups', async () => {
    const { items, error } = await collect('xml', 'children.xml', { record_element: 'Child' });
    expect(error).toBeNull();
    expect(items[0]).toMatchObject({
      ok: true,
      rowNumber: 1,
      fields: { '@id': 'C1', 'Name.@type': 'legal', 'Name.Forename': 'Ann', 'Name.Surname': 'Smith & Co', DOB: '2010-02-01' },
      groups: { 'Episodes.Episode': [{ Type: 'CIN', Start: '2023-01-05' }, { Type: 'CPP', Start: '2023-06-01' }] },
    });
    expect(items[1]).toMatchObject({ ok: true, fields: { 'Name.Forename': 'Bob', 'Episodes.Episode.Type': 'LAC' } });
  });

  it.each([
    { description: 'a document cut off mid-element', file: 'truncated.xml', code: 'INGEST_TRUNCATED', line: 3 },
    { description: 'mismatched tags', file: 'malformed.xml', code: 'INGEST_MALFORMED', line: 2 },
    { description: 'invalid UTF-8', file: 'latin1.xml', code: 'INGEST_ENCODING', line: 2 },
    { description: 'an empty file', file: 'empty.xml', code: 'INGEST_EMPTY_FILE', line: undefined },
  ])('stops on $description, naming the file and the line', async ({ file, code, line }) => {
    const { error } = await collect('xml', file, { record_element: 'Child' });
    expect(error?.code).toBe(code);
    expect(error?.where.line).toBe(line);
  });

  it('says which elements the document holds when the record element is wrong', async () => {
    const { error } = await collect('xml', 'children.xml', { record_element: 'Pupil' });
    expect(error?.code).toBe('INGEST_NO_RECORDS_FOUND');
    expect(error?.message).toContain('<Header>, <Child>');
  });
});
