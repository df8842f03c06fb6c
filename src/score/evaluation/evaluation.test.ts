import { describe, expect, it } from 'vitest';
import { seededRandom } from '../numerics/seeded-random.ts';
import { auc, aucWithDelong, midranks } from './auc-delong.ts';
import { calibrationCurve, decileEdges, expectedCalibrationError } from './calibration-curve.ts';
import { evaluateProbabilities } from './evaluate-scores.ts';
import { liftByDecile } from './lift-by-decile.ts';
import { brierScore, logLoss } from './probability-metrics.ts';

/** AUC and DeLong variance by the definitions, pair by pair (O(n²)). */
function bruteForce(scores: number[], labels: number[]) {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
  const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
  return { auc: mean(v10), se: Math.sqrt(variance(v10) / pos.length + variance(v01) / neg.length) };
}

describe('AUC with DeLong intervals', () => {
  it.each([
    { description: 'perfect separation', scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1], expected: 1 },
    { description: 'perfectly wrong', scores: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1], expected: 0 },
    { description: 'a tie between a positive and a negative counts one half', scores: [0.1, 0.5, 0.5, 0.9], labels: [0, 0, 1, 1], expected: 0.875 },
    { description: 'all scores tied', scores: [0.3, 0.3, 0.3, 0.3], labels: [0, 1, 0, 1], expected: 0.5 },
  ])('$description', ({ scores, labels, expected }) => {
    expect(auc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('is null with a single class', () => {
    expect(aucWithDelong([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('matches the pairwise definition of the AUC and of DeLong\'s standard error', () => {
    const random = seededRandom(3);
    const labels = Array.from({ length: 80 }, () => (random() < 0.4 ? 1 : 0));
    const scores = labels.map((y) => Math.round((random() + 0.3 * y) * 20) / 20);
    const fast = aucWithDelong(scores, labels)!;
    const slow = bruteForce(scores, labels);
    expect(fast.auc).toBeCloseTo(slow.auc, 12);
    expect(fast.se).toBeCloseTo(slow.se, 12);
    expect(fast.ci_low).toBeCloseTo(fast.auc - 1.959964 * fast.se, 12);
  });

  it('gives tied values their mean rank', () => {
    expect(Array.from(midranks([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
  });
});

describe('probability scores', () => {
  it('computes Brier and log-loss by hand', () => {
    expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });

  it('bins a calibration curve by deciles and measures its error', () => {
    const p = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    const y = p.map((_, i) => (i % 10 < Math.floor(i / 10) ? 1 : 0));
    const curve = calibrationCurve(p, y);
    expect(curve).toHaveLength(10);
    expect(curve.map((b) => b.n)).toEqual(Array<number>(10).fill(10));
    expect(curve[9]!.observed_rate).toBeCloseTo(0.9, 12);
    expect(curve[0]!.mean_predicted).toBeCloseTo(0.05, 12);
    expect(expectedCalibrationError(curve)).toBeCloseTo(0.05, 12);
    expect(decileEdges([1, 1, 1, 1])).toEqual([]);
  });

  it('ranks lift by decile, highest scores first', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const labels = scores.map((s) => (s >= 16 ? 1 : 0));
    const lift = liftByDecile(scores, labels);
    expect(lift).toHaveLength(10);
    expect(lift[0]).toMatchObject({ decile: 1, n: 2, positives: 2, rate: 1, lift: 5, cumulative_capture: 0.5, min_score: 18, max_score: 19 });
    expect(lift[9]).toMatchObject({ positives: 0, cumulative_capture: 1 });
  });

  it('evaluates everything at once', () => {
    const evaluation = evaluateProbabilities([0.2, 0.7, 0.4, 0.9], [0, 1, 0, 1]);
    expect(evaluation).toMatchObject({ n: 4, positives: 2, base_rate: 0.5, mean_predicted: expect.closeTo(0.55, 12) });
    expect(evaluation.auc?.auc).toBe(1);
    expect(() => evaluateProbabilities([], [])).toThrow(/no rows/);
  });
});
