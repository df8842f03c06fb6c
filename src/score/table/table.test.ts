import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idReason, profileColumn } from './column-profile.ts';
import { readCsvTable, type CsvTable } from './csv-table.ts';
import { randomSplit, timeSplit } from './data-split.ts';
import { planFeatures } from './feature-plan.ts';
import { parseLabels, requireBothClasses } from './label-column.ts';
import { isMissing, parseNumber } from './missing-values.ts';
import { parseNumericColumn } from './numeric-cells.ts';

/** A table as the CSV reader would build it (data row i on file line i + 2). */
function table(columns: Record<string, string[]>): CsvTable {
  const names = Object.keys(columns);
  const rows = columns[names[0]!]!.length;
  return { file: 'data.csv', columns: names, cells: new Map(Object.entries(columns)), lines: Int32Array.from({ length: rows }, (_, i) => i + 2), rows };
}

describe('cells', () => {
  it.each(['', ' ', 'NA', 'na', 'N/A', 'NaN', 'null', 'NULL', 'None', '?'])('"%s" is missing', (cell) => expect(isMissing(cell)).toBe(true));
  it.each(['0', 'no', 'n', '-', 'nil'])('"%s" is a value', (cell) => expect(isMissing(cell)).toBe(false));
  it.each([['12', 12], [' -0.5 ', -0.5], ['.5', 0.5], ['1e3', 1000], ['1.0', 1], ['0x10', null], ['1,000', null], ['Infinity', null], ['', null]])('parses "%s" as %s', (cell, value) => {
    expect(parseNumber(cell as string)).toBe(value);
  });
  it('reads back every number it prints', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
    }));
  });
});

describe('identifier columns', () => {
  it.each([
    { description: 'named id', name: 'ID', cells: ['1', '1', '2'], id: true },
    { description: 'named *_id', name: 'person_id', cells: ['a', 'a'], id: true },
    { description: 'named in camelCase', name: 'caseId', cells: ['a', 'a'], id: true },
    { description: 'named uuid', name: 'uuid', cells: ['x', 'y'], id: true },
    { description: 'all-different text', name: 'ref', cells: ['x1', 'x2', 'x3'], id: true },
    { description: 'a row number, shuffled', name: 'n', cells: ['3', '1', '2', '0'], id: true },
    { description: 'all-different but not consecutive numbers are a measurement', name: 'income', cells: ['10', '25', '31'], id: false },
    { description: '"paid" is not an id', name: 'paid', cells: ['1', '0', '1'], id: false },
    { description: 'repeated text is a category', name: 'area', cells: ['n', 's', 'n'], id: false },
  ])('$description', ({ name, cells, id }) => {
    expect(idReason(profileColumn(name, cells)) !== null).toBe(id);
  });
});

describe('the feature plan', () => {
  const data = table({
    person_id: ['a1', 'a2', 'a3', 'a4'],
    age: ['14', 'NA', '16', '15.5'],
    excluded: ['0', '1', '', '0'],
    area: ['north', 'south', 'north', '?'],
    race: ['A', 'B', 'A', 'B'],
    gender: ['F', 'M', 'F', 'M'],
    constant: ['x', 'x', 'x', 'x'],
    seen_on: ['2023-01-01', '2023-01-02', '2023-01-03', '2023-01-01'],
    y: ['0', '1', '0', '1'],
  });

  it('uses every usable column, typed, and says why each other column is not used', () => {
    const plan = planFeatures(data, { label: 'y', protected: ['race'] });
    expect(plan.features).toEqual([
      { name: 'age', kind: 'numeric' }, { name: 'excluded', kind: 'binary' }, { name: 'area', kind: 'categorical' }, { name: 'gender', kind: 'categorical' },
    ]);
    expect(Object.fromEntries(plan.excluded.map((e) => [e.name, e.reason]))).toEqual({
      person_id: 'named like an identifier',
      race: 'a protected characteristic: audited, never a feature',
      constant: 'one value only (carries no information)',
      seen_on: 'dates or times (pass it as --time to split on it)',
      y: 'the label',
    });
    expect(plan.warnings.join()).toMatch(/"gender" looks like a protected characteristic/);
  });

  it('never uses a protected column, even when listed as a feature', () => {
    expect(() => planFeatures(data, { label: 'y', features: ['age', 'race'], protected: ['race'] })).toThrow(/"race" cannot be a feature: it is a protected characteristic/);
  });

  it('names every missing column and lists the available ones', () => {
    expect(() => planFeatures(data, { label: 'outcome', exclude: ['nope'] })).toThrow(/no column "outcome", "nope" .*available columns: person_id, age/);
  });
});

describe('labels', () => {
  it('accepts 0, 1, 0.0 and 1.0', () => {
    expect(Array.from(parseLabels(table({ y: ['0', '1', '0.0', ' 1.0'] }), 'y'))).toEqual([0, 1, 0, 1]);
  });

  it('lists the offending values with their counts and lines', () => {
    const bad = table({ y: ['0', 'yes', '1', 'yes', '', '2'] });
    expect(() => parseLabels(bad, 'y')).toThrow(/must be 0 or 1 in every row; found "yes" \(2 rows, lines 3, 5\), "\(missing\)" \(1 row, line 6\), "2" \(1 row, line 7\)/);
  });

  it('refuses a single class', () => {
    expect(() => requireBothClasses(Uint8Array.from([1, 1]), 'y', 'data.csv')).toThrow(/is 1 in all 2 rows/);
  });
});

describe('scores', () => {
  it('names the rows that are not numbers', () => {
    expect(() => parseNumericColumn(table({ s: ['0.1', 'high', ''] }), 's', 'score')).toThrow(/2 rows are not: line 3 "high", line 4 "\(missing\)"/);
  });
});

describe('splits', () => {
  it('holds out the latest fifth by time, never splitting a time', () => {
    const times = ['2023-01-01', '2023-03-01', '2023-02-01', '2023-05-01', '2023-04-01', '2023-05-01', '2023-01-15', '2023-02-15', '2023-03-15', '2023-04-15'];
    const split = timeSplit(times, { column: 'as_of' });
    expect(Array.from(split.test).map((i) => times[i])).toEqual(['2023-05-01', '2023-05-01']);
    expect(split.description).toMatch(/as_of ≤ 2023-04-15/);
  });

  it('splits at a given as-of date', () => {
    const split = timeSplit(['1', '2', '3', '4'], { cutoff: '2' });
    expect(Array.from(split.train)).toEqual([0, 1]);
  });

  it('names unreadable times', () => {
    expect(() => timeSplit(['2023-01-01', 'soon'], { column: 't' })).toThrow(/line 2 "soon"/);
  });

  it('stratifies a random split by label', () => {
    const labels = Uint8Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : 0));
    const split = randomSplit(labels, 0.2, 1);
    expect(split.test.length).toBe(20);
    expect(Array.from(split.test).filter((i) => labels[i] === 1)).toHaveLength(6);
  });
});

describe('reading CSV', () => {
  it('reads a header, names an empty header cell, and records lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'score-csv-'));
    const file = join(dir, 'x.csv');
    await writeFile(file, '\ufeff,a,b\n0,"x, y",1\n\n1,z,2\n');
    const read = await readCsvTable(file);
    expect(read.columns).toEqual(['unnamed_1', 'a', 'b']);
    expect(read.cells.get('a')).toEqual(['x, y', 'z']);
    expect(Array.from(read.lines)).toEqual([2, 4]);
  });

  it('says which file is missing and which row is ragged', async () => {
    await expect(readCsvTable('/nonexistent/data.csv')).rejects.toThrow(/cannot read \/nonexistent\/data.csv/);
    const dir = await mkdtemp(join(tmpdir(), 'score-csv-'));
    const file = join(dir, 'ragged.csv');
    await writeFile(file, 'a,b\n1,2\n3\n');
    await expect(readCsvTable(file)).rejects.toThrow(/ragged.csv is not valid CSV: .*line 3/);
  });
});
