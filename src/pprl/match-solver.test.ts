import { describe, expect, it } from 'vitest';
import { solveClusters, type SolverInput } from './match-solver.ts';

/** Pairs as [i, j, score]; records 0–2 come from source 0, 3–5 from source 1, 6 from source 2. */
function solve(linkType: SolverInput['linkType'], scored: Array<[number, number, number]>, matches: (i: number, j: number) => boolean = () => true): number[] {
  return [...solveClusters({
    linkType, size: 7, sourceOf: Int32Array.of(0, 0, 0, 1, 1, 1, 2),
    pairs: Int32Array.from(scored.flatMap(([i, j]) => [i, j])), scores: Float64Array.from(scored.map(([, , s]) => s)),
    matchesOf: (p) => Array.from({ length: p.length / 2 }, (_, k) => matches(p[2 * k]!, p[2 * k + 1]!)),
  })];
}

const together = (labels: number[], ...records: number[]): boolean => records.every((r) => labels[r] === labels[records[0]!]);

describe('solveClusters', () => {
  it('links each record to at most one record of another source, strongest pair first', () => {
    const labels = solve('link', [[0, 3, 0.9], [1, 3, 0.95], [1, 4, 0.8], [0, 4, 0.7]]);
    expect(together(labels, 1, 3)).toBe(true);
    expect(together(labels, 0, 4)).toBe(true);
    expect(together(labels, 0, 3)).toBe(false);
  });

  it('joins one record from each of three sources, never two from one source', () => {
    const labels = solve('link', [[0, 3, 0.9], [3, 6, 0.9], [1, 6, 0.85], [0, 4, 0.8]]);
    expect(together(labels, 0, 3, 6)).toBe(true);
    expect(together(labels, 0, 1)).toBe(false);
    expect(together(labels, 0, 4)).toBe(false);
  });

  it('in dedupe, refuses a chain whose ends do not match (anti-chaining)', () => {
    const labels = solve('dedupe', [[0, 1, 0.9], [1, 2, 0.88]], (i, j) => !(Math.min(i, j) === 0 && Math.max(i, j) === 2));
    expect(together(labels, 0, 1)).toBe(true);
    expect(together(labels, 0, 2)).toBe(false);
  });

  it('in dedupe, merges groups when most pairs across them match', () => {
    const labels = solve('dedupe', [[0, 1, 0.9], [2, 3, 0.9], [1, 2, 0.8]], (i, j) => !(i === 0 && j === 3));
    expect(together(labels, 0, 1, 2, 3)).toBe(true);
  });

  it('leaves unpaired records alone, numbering clusters from 0 in record order', () => {
    expect(solve('dedupe', [])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
