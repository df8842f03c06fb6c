import { describe, expect, it } from 'vitest';
import { brierScore, logLoss } from '../evaluation/probability-metrics.ts';
import { normalDraw, seededRandom } from '../numerics/seeded-random.ts';
import { sigmoid } from '../numerics/logistic.ts';
import { applyIsotonic, fitIsotonic } from './isotonic-calibration.ts';
import { applyPlatt, fitPlatt } from './platt-scaling.ts';

/** True logits z, labels drawn from σ(z), and an over-confident, shifted score 3z + 1. */
function miscalibrated(n: number, seed: number) {
  const random = seededRandom(seed);
  const z = Float64Array.from({ length: n }, () => normalDraw(random) - 1);
  const labels = Uint8Array.from(z, (t) => (random() < sigmoid(t) ? 1 : 0));
  return { logits: Float64Array.from(z, (t) => 3 * t + 1), labels };
}

describe('calibration', () => {
  const fitOn = miscalibrated(20_000, 1);
  const heldOut = miscalibrated(20_000, 2);
  const raw = Float64Array.from(heldOut.logits, sigmoid);

  it('Platt scaling recovers the distortion (slope 1/3, intercept −1/3) and improves held-out Brier and log-loss', () => {
    const map = fitPlatt(fitOn.logits, fitOn.labels);
    expect(map.slope).toBeCloseTo(1 / 3, 1);
    expect(map.intercept).toBeCloseTo(-1 / 3, 1);
    const calibrated = Float64Array.from(heldOut.logits, (eta) => sigmoid(applyPlatt(map, eta)));
    expect(brierScore(calibrated, heldOut.labels)).toBeLessThan(brierScore(raw, heldOut.labels) - 0.01);
    expect(logLoss(calibrated, heldOut.labels)).toBeLessThan(logLoss(raw, heldOut.labels) - 0.05);
  });

  it('isotonic calibration is non-decreasing and also improves held-out Brier', () => {
    const map = fitIsotonic(fitOn.logits, fitOn.labels);
    map.probability.slice(1).forEach((p, k) => expect(p).toBeGreaterThanOrEqual(map.probability[k]!));
    const calibrated = Float64Array.from(heldOut.logits, (eta) => applyIsotonic(map, eta));
    expect(brierScore(calibrated, heldOut.labels)).toBeLessThan(brierScore(raw, heldOut.labels) - 0.01);
  });

  it('Platt scaling works on any scale of score (scorecard points)', () => {
    const points = Float64Array.from(fitOn.logits, (eta) => 100 + 20 * eta);
    const map = fitPlatt(points, fitOn.labels);
    expect(map.slope).toBeCloseTo(1 / 60, 2);
  });
});
