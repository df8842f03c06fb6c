import { describe, expect, it } from 'vitest';
import { allRows } from '../fit/sparse-design.ts';
import { categoricalHandler } from './categorical-levels.ts';

const column = (values: Array<string | null>) => ({ kind: 'categorical' as const, name: 'area', values });

describe('categorical levels', () => {
  const training = column([...Array<string>(20).fill('north'), ...Array<string>(12).fill('south'), 'docks', 'docks', null, null]);
  const shape = categoricalHandler.learn(training, allRows(training.values.length), { maxBins: 8, minCellCount: 10, maxLevels: 10 });

  it('keeps common levels, pools rare ones into "other" and counts missing apart', () => {
    expect(shape.levels.map((l) => [l.value, l.count])).toEqual([['north', 20], ['south', 12]]);
    expect(shape.other).toEqual({ values: ['docks'], count: 2, contribution: 0 });
    expect(shape.missing.count).toBe(2);
  });

  it('encodes levels, pooled values, missing, and gives unseen values −1', () => {
    expect(Array.from(categoricalHandler.encode(shape, column(['south', 'docks', null, 'harbour', 'north'])))).toEqual([1, 2, 3, -1, 0]);
  });

  it('keeps at most maxLevels levels, the most frequent', () => {
    const many = column(['a', 'a', 'a', 'b', 'b', 'c']);
    const capped = categoricalHandler.learn(many, allRows(6), { maxBins: 8, minCellCount: 1, maxLevels: 2 });
    expect(capped.levels.map((l) => l.value)).toEqual(['a', 'b']);
    expect(capped.other?.values).toEqual(['c']);
  });
});
