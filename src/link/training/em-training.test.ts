import { describe, expect, it } from 'vitest';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { random } from '../../../test/link/febrl-like.ts';
import { runEm } from './em-training.ts';
import type { Pattern } from './patterns.ts';

const comparison = (name: string): Comparison => ({ name, levels: [{ kind: 'null', columns: [name] }, { kind: 'exact', column: name }, { kind: 'else' }] });
const comparisons = ['a', 'b', 'c'].map(comparison);

/** Pairs drawn from a known model: 10% matches; m(exact) = 0.9, u(exact) = 0.05; 5% missing. */
function simulate(seed: number, pairs: number): Pattern[] {
  const rng = random(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < pairs; i++) {
    const match = rng() < 0.1;
    const gammas = comparisons.map(() => (rng() < 0.05 ? 0 : rng() < (match ? 0.9 : 0.05) ? 1 : 2));
    counts.set(gammas.join(','), (counts.get(gammas.join(',')) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ gammas: k.split(',').map(Number), count }));
}

describe('EM for m', () => {
  const u = comparisons.map(() => [0, 0.05, 0.95]);
  const start = comparisons.map(() => [0, 0.7, 0.3]);

  it('recovers m and λ from unlabelled pairs', () => {
    const result = runEm({ patterns: simulate(1, 50_000), comparisons, m: start, u, lambda: 0.3, fixed: new Set(), maxIterations: 200, tolerance: 1e-7 });
    expect(result.converged).toBe(true);
    for (const m of result.m) expect(m[1]).toBeCloseTo(0.9, 1);
    expect(result.lambda).toBeCloseTo(0.1, 1);
  });

  it('leaves the m of fixed comparisons as they were', () => {
    const result = runEm({ patterns: simulate(2, 5_000), comparisons, m: start, u, lambda: 0.3, fixed: new Set([0]), maxIterations: 50, tolerance: 1e-6 });
    expect(result.m[0]).toEqual(start[0]);
    expect(result.m[1]![1]).toBeGreaterThan(0.8);
  });

  it('is deterministic', () => {
    const input = { patterns: simulate(3, 5_000), comparisons, m: start, u, lambda: 0.2, fixed: new Set<number>(), maxIterations: 30, tolerance: 1e-6 };
    expect(runEm(input)).toEqual(runEm(input));
  });
});
