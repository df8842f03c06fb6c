/**
 * Isotonic calibration: the non-decreasing step function of the logit that best fits the labels
 * (pool-adjacent-violators). It is reported as a diagnostic: applied to a model it would leave the
 * contributions explaining the pre-calibration logit only, so the shipped model uses Platt scaling.
 */
import { pava } from '../numerics/pava.ts';

export interface IsotonicMap {
  /** Upper logit of each step (ascending); a logit above the last falls in the last step. */
  upper: number[];
  /** Calibrated probability of each step, kept inside [0.5/n, 1 − 0.5/n] so log-loss stays finite. */
  probability: number[];
}

/** Fits the isotonic map of logits to 0/1 labels. */
export function fitIsotonic(logits: ArrayLike<number>, labels: ArrayLike<number>): IsotonicMap {
  const n = logits.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => logits[i]! - logits[j]!);
  const keys: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const i of order) {
    const x = logits[i]!;
    if (keys.length > 0 && keys[keys.length - 1] === x) {
      sums[sums.length - 1]! += labels[i]!;
      weights[weights.length - 1]!++;
    } else {
      keys.push(x);
      sums.push(labels[i]!);
      weights.push(1);
    }
  }
  const { fitted, block } = pava(sums.map((s, k) => s / weights[k]!), weights);
  const floor = 0.5 / Math.max(1, n);
  const upper: number[] = [];
  const probability: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (k + 1 < keys.length && block[k + 1] === block[k]) continue;
    upper.push(keys[k]!);
    probability.push(Math.min(1 - floor, Math.max(floor, fitted[k]!)));
  }
  return { upper, probability };
}

/** The calibrated probability of a logit. */
export function applyIsotonic(map: IsotonicMap, logit: number): number {
  let lo = 0;
  let hi = map.upper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (logit <= map.upper[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return map.probability[lo] ?? 0.5;
}
