import { describe, expect, it } from 'vitest';
import { collect, fieldsOf } from '../../../test/ingest/support/fixtures.ts';

const columns = [
  { name: 'type', start: 1, length: 1 }, { name: 'id', start: 3, length: 4 }, { name: 'given', start: 7, length: 10 },
  { name: 'family', start: 17, length: 10 }, { name: 'dob', start: 27, length: 8 },
];

describe('fixed-width adapter', () => {
  it('cuts each line into trimmed columns and skips header and trailer lines by record type', async () => {
    const { items, columns: declared, error } = await collect('fixed-width', 'pupils.txt', { columns, record_type: { column: 'type', equals: 'D' } });
    expect(error).toBeNull();
    expect(declared).toEqual(['type', 'id', 'given', 'family', 'dob']);
    expect(fieldsOf(items)).toEqual([
      { type: 'D', id: 'P1', given: 'Ann', family: 'Smith', dob: '20100201' },
      { type: 'D', id: 'P2', given: 'Bob', family: 'Jones', dob: '20091231' },
    ]);
  });

  it('quarantines a line too short for the declared widths, naming the first column cut off', async () => {
    const { items } = await collect('fixed-width', 'pupils.txt', { columns, record_type: { column: 'type', equals: 'D' } });
    expect(items.at(-1)).toMatchObject({ ok: false, rowNumber: 4, error: { code: 'INGEST_ROW_SHORT_LINE', column: 'family' } });
  });

  it('treats a short last line without a line break as a cut-off file', async () => {
    const { items, error } = await collect('fixed-width', 'truncated.txt', { columns });
    expect(items).toHaveLength(1);
    expect(error).toMatchObject({ code: 'INGEST_TRUNCATED', where: { line: 2 } });
  });

  it.each([
    { description: 'invalid UTF-8', file: 'latin1.txt', code: 'INGEST_ENCODING' },
    { description: 'an empty file', file: 'empty.txt', code: 'INGEST_EMPTY_FILE' },
  ])('stops on $description', async ({ file, code }) => {
    const { error } = await collect('fixed-width', file, { columns });
    expect(error?.code).toBe(code);
  });

  it('refuses a mapping without a layout', async () => {
    const { error } = await collect('fixed-width', 'pupils.txt', {});
    expect(error?.code).toBe('INGEST_MALFORMED');
  });
});
