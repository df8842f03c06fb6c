/**
 * Platt scaling on the logit: calibrated logit = a + b·η, fitted by Newton's method on held-out (or
 * out-of-fold) logits. Being a linear map of the logit, it keeps an additive model additive: the
 * intercept becomes a + b·intercept and every contribution is multiplied by b. The same fit maps a
 * scorecard's points to a probability.
 */
import { logLossOfLogit, sigmoid } from '../numerics/logistic.ts';

export interface PlattMap {
  intercept: number;
  slope: number;
}

/** Fits a and b by maximum likelihood (standardised inside, with step-halving, so any scale of score works). */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattMap {
  const n = scores.length;
  let mean = 0, positives = 0;
  for (let i = 0; i < n; i++) { mean += scores[i]!; positives += labels[i]!; }
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (scores[i]! - mean) ** 2;
  const sd = Math.sqrt(variance / n) || 1;
  const z = Float64Array.from({ length: n }, (_, i) => (scores[i]! - mean) / sd);
  const rate = (positives + 0.5) / (n + 1);
  let a = Math.log(rate / (1 - rate));
  let b = 0;
  let loss = lossAt(z, labels, a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(a + b * z[i]!);
      const w = mu * (1 - mu);
      const r = labels[i]! - mu;
      gA += r; gB += r * z[i]!;
      hAA += w; hAB += w * z[i]!; hBB += w * z[i]! * z[i]!;
    }
    const det = hAA * hBB - hAB * hAB;
    if (!(det > 0)) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    let t = 1;
    let next = lossAt(z, labels, a + dA, b + dB);
    while (next > loss && t > 1e-6) { t /= 2; next = lossAt(z, labels, a + t * dA, b + t * dB); }
    if (next > loss) break;
    a += t * dA;
    b += t * dB;
    const improvement = loss - next;
    loss = next;
    if (improvement <= 1e-12 * (1 + loss)) break;
  }
  return { intercept: a - (b * mean) / sd, slope: b / sd };
}

function lossAt(z: Float64Array, labels: ArrayLike<number>, a: number, b: number): number {
  let loss = 0;
  for (let i = 0; i < z.length; i++) loss += logLossOfLogit(labels[i]!, a + b * z[i]!);
  return loss;
}

/** The calibrated logit of a raw logit. */
export function applyPlatt(map: PlattMap, logit: number): number {
  return map.intercept + map.slope * logit;
}
