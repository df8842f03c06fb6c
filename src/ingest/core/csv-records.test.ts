import { Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreOf, CsvRecords } from './csv-records.ts';

type Read = { records: [string[], number][]; error: { code: string; message: string; lines: number } | null };

/** What csv-parse itself makes of the whole text, with the options the CSV adapter uses. */
function reference(text: string, delimiter: string): Read {
  try {
    const rows = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: rows.map(({ record, info }) => [record, info.lines]), error: null };
  } catch (error) {
    const { code, message, lines } = error as { code: string; message: string; lines: number };
    return { records: [], error: { code, message, lines } };
  }
}

/** What `CsvRecords` makes of the text written in the given pieces. */
function read(pieces: readonly string[], delimiter: string): Read {
  const records: [string[], number][] = [];
  try {
    const reader = new CsvRecords(delimiter, (record, line) => records.push([record, line]));
    for (const piece of pieces) reader.write(piece);
    reader.end();
    return { records, error: null };
  } catch (error) {
    const { code, message, lines } = error as { code: string; message: string; lines: number };
    return { records: [], error: { code, message, lines } };
  }
}

const cut = (text: string, at: number[]): string[] => {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length)).filter((p) => p !== '');
};

describe('CsvRecords', () => {
  it.each([
    { description: 'plain lines, LF', text: 'a,b\nc,d\n', records: [[['a', 'b'], 1], [['c', 'd'], 2]] },
    { description: 'CRLF, a blank line skipped but counted, a last line without a break', text: 'a,b\r\n\r\nc,\r\nd', records: [[['a', 'b'], 1], [['c', ''], 3], [['d'], 4]] },
    { description: 'a quoted field from line 2 on (csv-parse reads the rest)', text: 'a,b\n"x\ny",z\nc,d\n', records: [[['a', 'b'], 1], [['x\ny', 'z'], 3], [['c', 'd'], 4]] },
    { description: 'quoted fields closed on their line', text: '"Id","Name"\n"1","Ann, ""Nan"""\n2,\n', records: [[['Id', 'Name'], 1], [['1', 'Ann, "Nan"'], 2], [['2', ''], 3]] },
    { description: 'a carriage return inside a line of an LF file', text: 'a,b\nc\r,d\ne,f\n', records: [[['a', 'b'], 1], [['c\r', 'd'], 3], [['e', 'f'], 4]] },
  ])('reads $description as csv-parse does', ({ text, records }) => {
    expect(read([text], ',')).toEqual({ records, error: null });
    expect(reference(text, ',')).toEqual({ records, error: null });
  });

  it('gives csv-parse\'s error, line and message when a quote is wrong, after lines it split itself', () => {
    const text = 'a,b\nc,d\ne,x"y\n';
    expect(read([text], ',')).toEqual(reference(text, ','));
    expect(read([text], ',').error).toMatchObject({ code: 'INVALID_OPENING_QUOTE', lines: 3 });
  });

  it('reads any text, cut anywhere, exactly as csv-parse reads it whole: records, line numbers, errors and messages', () => {
    const unit = fc.constantFrom('a', 'b', ' ', 'é', ',', ';', '\t', '"', '\n', '\n', '\r\n', '\r\n', '\r', '\uFEFF');
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (text, at, delimiter) => {
      expect(read(cut(text, at), delimiter)).toEqual(reference(text, delimiter));
    }), { numRuns: 3000 });
  });

  it('reads generated extracts of quoted, plain and malformed fields cut anywhere as csv-parse does', () => {
    const field = fc.constantFrom('a', '', 'b c', '"x,y"', '""', '"""x"', '"p\nq"', '"r\r\ns"', '"3 ""q"""', '"q"z', 'a"b', '"s', 't"');
    const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));
    fc.assert(fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (lines, eol, last, at) => {
      const text = lines.join(eol) + (last ? eol : '');
      expect(read(cut(text, at), ',')).toEqual(reference(text, ','));
    }), { numRuns: 1000 });
  });
});

describe('the csv-parse core the reader drives', () => {
  it('is there in the pinned csv-parse, and its absence is named rather than failing inside a load', () => {
    expect(() => coreOf(new Parser({}))).not.toThrow();
    expect(() => coreOf({} as Parser)).toThrow(/csv-parse no longer has the internal parser \(Parser#api\)/);
  });
});
