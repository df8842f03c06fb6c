import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, fieldsOf } from '../../../test/ingest/support/fixtures.ts';

describe('csv adapter', () => {
  it('reads the header as column names and each record as a row numbered by the line it starts on', async () => {
    const { items, columns, error } = await collect('csv', 'pupils.csv');
    expect(error).toBeNull();
    expect(columns).toEqual(['PupilId', 'UPN', 'Forename', 'Surname', 'DOB', 'Postcode', 'Notes']);
    expect(items.map((i) => i.rowNumber)).toEqual([2, 4, 5, 6]);
    expect(fieldsOf(items)[0]).toMatchObject({ PupilId: 'P1', Forename: 'Ann, Marie', Notes: 'multi\nline' });
  });

  it('quarantines a row with the wrong number of fields, saying how many', async () => {
    const { items } = await collect('csv', 'pupils.csv');
    const bad = items.find((i) => !i.ok);
    expect(bad).toMatchObject({ ok: false, rowNumber: 5, error: { code: 'INGEST_ROW_FIELD_COUNT' } });
    expect(bad && !bad.ok && bad.error.message).toContain('3 fields; the header has 7');
  });

  it('names columns 1, 2, 3… when the file has no header', async () => {
    const { items, columns } = await collect('csv', 'pupils.csv', { header: false });
    expect(columns?.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(fieldsOf(items)[0]).toMatchObject({ 1: 'PupilId', 2: 'UPN' });
  });

  it.each([
    { description: 'a quote left open at the end', file: 'truncated-quote.csv', code: 'INGEST_TRUNCATED', line: 3 },
    { description: 'a short last row without a line break', file: 'truncated-row.csv', code: 'INGEST_TRUNCATED', line: 3 },
    { description: 'bytes that are not UTF-8', file: 'latin1.csv', code: 'INGEST_ENCODING', line: 3 },
    { description: 'an empty file', file: 'empty.csv', code: 'INGEST_EMPTY_FILE', line: undefined },
    { description: 'a column named twice', file: 'duplicate-header.csv', code: 'INGEST_DUPLICATE_COLUMNS', line: 1 },
  ])('stops on $description, naming the file and the line', async ({ file, code, line }) => {
    const { error } = await collect('csv', file);
    expect(error?.code).toBe(code);
    expect(error?.where.line).toBe(line);
    expect(error?.message).toContain(file);
  });

  it('reads a Latin-1 file when the mapping declares it', async () => {
    const { items, error } = await collect('csv', 'latin1.csv', { encoding: 'latin1' });
    expect(error).toBeNull();
    expect(fieldsOf(items)[1]?.Forename).toBe('Renée');
  });

  it('numbers rows by the line they start on as csv-parse reports it, whatever the quoted line breaks, blank lines and CRLFs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-lines-'));
    const field = fc.constantFrom('a', '', '"x\ny"', '"p\r\nq"', '"3 ""quoted"""', 'b c');
    const line = fc.oneof({ weight: 5, arbitrary: fc.tuple(field, field).map(([x, y]) => `${x},${y}`) }, { weight: 1, arbitrary: fc.constant('') });
    try {
      await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
        const text = ['H1,H2', ...lines].join(eol) + eol;
        const path = join(dir, 'rows.csv');
        writeFileSync(path, text);
        const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[])
          .slice(1).map(({ record, info }) => info.lines - record.join('').split('\n').length + 1);
        const { items, error } = await collect('csv', path);
        expect(error).toBeNull();
        expect(items.map((i) => i.rowNumber)).toEqual(expected);
      }), { numRuns: 100 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
