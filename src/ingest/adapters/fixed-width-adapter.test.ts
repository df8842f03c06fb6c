import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
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

  it('cuts every line as slice and trim would, whatever white space it holds, skipping blank lines and quarantining short ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixed-lines-'));
    const unit = fc.constantFrom('a', 'B', '7', ' ', ' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', 'é', '\v');
    try {
      await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit, maxLength: 40 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), async (drawn, eol) => {
        const lines = ['D P1  Ann       Smith     20100201', ...drawn];
        const path = join(dir, 'rows.txt');
        writeFileSync(path, lines.map((line) => line + eol).join(''));
        const expected = lines.flatMap((text, index) => (text.trim() === '' ? [] : [text.length >= 27
          ? { ok: true, rowNumber: index + 1, fields: Object.fromEntries(columns.map((c) => [c.name, text.slice(c.start - 1, c.start - 1 + c.length).trim()])) }
          : { ok: false, rowNumber: index + 1 }]));
        const { items, error } = await collect('fixed-width', path, { columns });
        expect(error).toBeNull();
        expect(items.map((item) => (item.ok ? { ok: true, rowNumber: item.rowNumber, fields: item.fields } : { ok: false, rowNumber: item.rowNumber }))).toEqual(expected);
        expect(items.filter((item) => item.ok).map((item) => item.raw)).toEqual(lines.filter((text) => text.trim() !== '' && text.length >= 27));
      }), { numRuns: 150 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
