/**
 * Expectation-maximisation for m (Fellegi-Sunter, as Splink does it): u stays fixed at its random
 * sampling estimate, comparisons the session blocked on are left out (their m stays fixed), and
 * the session's own λ is re-estimated alongside. Runs on pattern counts, not pairs, so each
 * iteration costs the number of distinct comparison vectors.
 */
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import type { Pattern } from './patterns.ts';

export interface EmInput {
  readonly patterns: readonly Pattern[];
  readonly comparisons: readonly Comparison[];
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  readonly lambda: number;
  /** Indices of comparisons left out of this session. */
  readonly fixed: ReadonlySet<number>;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export interface EmResult {
  readonly m: number[][];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Expected matching pairs at each level (0 means the level was never seen among matches). */
  readonly expectedMatches: number[][];
}

const FLOOR = 1e-9;
const isNull = (c: Comparison, level: number) => c.levels[level]?.kind === 'null';

/** Log Bayes factor of one pattern under the current parameters. */
function logBayesFactor(input: EmInput, m: number[][], gammas: readonly number[]): number {
  let sum = 0;
  gammas.forEach((g, i) => {
    if (input.fixed.has(i) || isNull(input.comparisons[i]!, g)) return;
    sum += Math.log(Math.max(m[i]![g]!, FLOOR)) - Math.log(Math.max(input.u[i]![g]!, FLOOR));
  });
  return sum;
}

/** Runs EM to convergence (largest change in any m below tolerance) or the iteration limit. */
export function runEm(input: EmInput): EmResult {
  let m = input.m.map((levels) => [...levels]);
  let lambda = input.lambda;
  let expected = m.map((levels) => levels.map(() => 0));
  for (let iteration = 1; iteration <= input.maxIterations; iteration++) {
    const numerators = m.map((levels) => levels.map(() => 0));
    let matches = 0;
    let total = 0;
    const priorOdds = Math.log(lambda / (1 - lambda));
    for (const { gammas, count } of input.patterns) {
      const p = 1 / (1 + Math.exp(-(priorOdds + logBayesFactor(input, m, gammas))));
      matches += count * p;
      total += count;
      gammas.forEach((g, i) => { numerators[i]![g]! += count * p; });
    }
    const next = m.map((levels, i) => {
      if (input.fixed.has(i)) return levels;
      const comparison = input.comparisons[i]!;
      const denominator = numerators[i]!.reduce((s, v, g) => (isNull(comparison, g) ? s : s + v), 0);
      return levels.map((old, g) => (isNull(comparison, g) || denominator === 0 ? old : numerators[i]![g]! / denominator));
    });
    const change = Math.max(0, ...next.flatMap((levels, i) => levels.map((v, g) => Math.abs(v - m[i]![g]!))));
    m = next;
    expected = numerators;
    lambda = Math.min(Math.max(matches / Math.max(total, 1), 1e-12), 1 - 1e-12);
    if (change < input.tolerance) return { m, lambda, iterations: iteration, converged: true, expectedMatches: expected };
  }
  return { m, lambda, iterations: input.maxIterations, converged: false, expectedMatches: expected };
}
