import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyRows, copyField, copyJson } from './copy-text.ts';

/** PostgreSQL's reading of one text-format field (the inverse of copyField). */
function unescape(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c] ?? c);
}

describe('COPY text fields', () => {
  it.each([
    [null, '\\N'], [undefined, '\\N'], ['', ''], ['plain', 'plain'], [true, 't'], [false, 'f'], [42, '42'],
    ['a\tb', 'a\\tb'], ['line\nbreak\r', 'line\\nbreak\\r'], ['back\\slash', 'back\\\\slash'], ['\\N', '\\\\N'],
  ])('%j → %j', (value, field) => {
    expect(copyField(value)).toBe(field);
  });

  it('JSON is written as its text, escaped', () => {
    expect(copyJson({ a: 'x"y\\z' })).toBe('{"a":"x\\\\"y\\\\\\\\z"}');
    expect(copyJson(null)).toBe('\\N');
  });

  it('a field never holds a bare tab or line break, and reads back as it was', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const field = copyField(text);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(unescape(field)).toBe(text);
    }));
  });
});

describe('COPY rows written as bytes', () => {
  it('writes fields as copyField and copyJson do, tab-separated, one line a row', () => {
    const rows = new CopyRows().field('a\tb').field(null).plain('2024-01-02').json({ x: 'y\\z' }).end().field(true).field(42).end();
    expect(rows.rows).toBe(2);
    expect(rows.take().toString()).toBe(`a\\tb\t\\N\t2024-01-02\t${copyJson({ x: 'y\\z' })}\nt\t42\n`);
  });

  it('gives the same bytes as the text fields for any strings, however many rows (growing past its first buffer)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.option(fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 4 }), { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (table, reps) => {
      const rows = new CopyRows();
      let expected = '';
      for (let r = 0; r <= reps; r += 1) {
        for (const row of table) {
          for (const value of row) rows.field(value);
          rows.end();
          expected += `${row.map((v) => copyField(v)).join('\t')}\n`;
        }
      }
      expect(rows.take().toString()).toBe(expected);
      expect(rows.take().length).toBe(0);
    }));
  });

  it('grows past its first buffer', () => {
    const rows = new CopyRows();
    const long = 'é'.repeat(50_000);
    for (let i = 0; i < 3; i += 1) rows.field(long).end();
    expect(rows.take().toString()).toBe(`${long}\n`.repeat(3));
  });
});
