import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv-text.ts';

describe('the in-memory CSV parser', () => {
  it.each([
    { description: 'plain rows', text: 'a,b\n1,2\n', records: [['a', 'b'], ['1', '2']], lines: [1, 2] },
    { description: 'a byte-order mark, CRLF and no final newline', text: '\ufeffa,b\r\n1,2', records: [['a', 'b'], ['1', '2']], lines: [1, 2] },
    { description: 'quoted commas, escaped quotes and a line break inside quotes', text: 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\n', records: [['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', 'z']], lines: [1, 2, 3] },
    { description: 'blank lines skipped, lines still counted', text: 'a\n\n1\n\r\n2\n', records: [['a'], ['1'], ['2']], lines: [1, 3, 5] },
    { description: 'empty fields, leading and trailing', text: ',a,\n', records: [['', 'a', '']], lines: [1] },
    { description: 'a stray quote inside an unquoted field is text', text: 'he said "no"\n', records: [['he said "no"']], lines: [1] },
  ])('$description', ({ text, records, lines }) => {
    expect(parseCsvText(text)).toEqual({ records, lines });
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsvText('a\n"open\n')).toThrow(/opened on line 2 is never closed/);
  });

  it('reads back exactly what a CSV writer wrote, like csv-parse does', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é', '1') });
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })), (rows) => {
      const text = stringify(rows);
      const nonBlank = rows.filter((row) => !(row.length === 1 && row[0] === ''));
      expect(parseCsvText(text).records).toEqual(nonBlank);
      expect(parseCsvText(text).records).toEqual(parse(text, { skip_empty_lines: true, relax_column_count: true }));
    }));
  });
});
