import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBoundaries, CsvError, endOfFirstRecord, parseCsvText } from './csv-records.ts';

const records = (text: string): string[][] => {
  const out: string[][] = [];
  parseCsvText(text, (fields) => out.push(fields));
  return out;
};
/** What `pprl encode` read before, with csv-parse (without `columns`, to compare the raw records). */
const csvParse = (text: string): string[][] => parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });

describe('parseCsvText', () => {
  it.each([
    { description: 'plain records', text: 'a,b,c\n1,2,3\n' },
    { description: 'CRLF line ends and no final newline', text: 'a,b\r\n1,2\r\n3,4' },
    { description: 'whitespace around fields', text: ' a , b \n  1,2  \n' },
    { description: 'empty lines', text: 'a,b\n\n1,2\n\n\n3,4\n' },
    { description: 'empty fields and short rows', text: 'a,b,c\n1,,3\n4\n' },
    { description: 'quoted fields with commas, quotes and line breaks', text: 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\n' },
    { description: 'blanks around quoted fields', text: 'a,b\n  "x" ,y\n' },
  ])('reads $description as csv-parse does', ({ text }) => {
    expect(records(text)).toEqual(csvParse(text));
  });

  it('reads generated tables as csv-parse does', () => {
    const field = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "x"', 'two\nlines', ' pad ', ''));
    const quote = (v: string): string => (/[",\n\r]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (rows) => {
      const text = rows.map((r) => r.map(quote).join(',')).join('\n');
      expect(records(text)).toEqual(csvParse(text));
    }), { numRuns: 300 });
  });

  it.each([
    { description: 'an unclosed quote', text: 'a,b\n1,"x\n', message: /never closed/ },
    { description: 'text after a closing quote', text: 'a\n"x"y\n', message: /after a closing quote/ },
    { description: 'a quote inside an unquoted field', text: 'a,b\n1,x"y"\n', message: /inside an unquoted field/ },
  ])('refuses $description, naming the record', ({ text, message }) => {
    expect(() => records(text)).toThrow(message);
    expect(() => records(text)).toThrow(CsvError);
  });
});

describe('chunkBoundaries', () => {
  it('cuts only at record ends, also when quoted fields hold line breaks', () => {
    const text = `h1,h2\n${Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? `${i},"multi\nline ${i}"` : `${i},plain ${i}`)).join('\n')}\n`;
    const bytes = Buffer.from(text);
    const start = endOfFirstRecord(bytes, 0);
    for (const target of [1, 50, 300, 10_000]) {
      const cuts = chunkBoundaries(bytes, start, bytes.length, target);
      const whole = cuts.slice(0, -1).flatMap((from, i) => records(bytes.toString('utf8', from, cuts[i + 1])));
      expect(whole).toEqual(records(text).slice(1));
      if (target < 10_000) expect(cuts.length).toBeGreaterThan(2);
    }
  });
});
