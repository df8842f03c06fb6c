/**
 * The area under the ROC curve with DeLong's variance (DeLong, DeLong & Clarke-Pearson 1988), by
 * midranks in O(n log n) (Sun & Xu 2014). Ties count one half. The 95% interval is AUC ± 1.96·se,
 * clipped to [0, 1].
 */
import type { AucEstimate } from './evaluation-schema.ts';

/** Midranks (1-based, ties share their mean rank) of `values`. */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** The AUC alone, or null when the labels have a single class. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  return aucWithDelong(scores, labels)?.auc ?? null;
}

/** The AUC with its DeLong standard error and 95% interval, or null when the labels have a single class. */
export function aucWithDelong(scores: ArrayLike<number>, labels: ArrayLike<number>): AucEstimate | null {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (labels[i] === 1 ? pos : neg).push(scores[i]!);
  const m = pos.length;
  const n = neg.length;
  if (m === 0 || n === 0) return null;
  const all = midranks([...pos, ...neg]);
  const posRanks = midranks(pos);
  const negRanks = midranks(neg);
  let rankSum = 0;
  const v10 = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rankSum += all[i]!;
    v10[i] = (all[i]! - posRanks[i]!) / n;
  }
  const v01 = new Float64Array(n);
  for (let j = 0; j < n; j++) v01[j] = 1 - (all[m + j]! - negRanks[j]!) / m;
  const estimate = (rankSum - (m * (m + 1)) / 2) / (m * n);
  const variance = (m > 1 ? sampleVariance(v10) / m : 0) + (n > 1 ? sampleVariance(v01) / n : 0);
  const se = Math.sqrt(variance);
  return {
    auc: estimate,
    ci_low: Math.max(0, estimate - 1.959964 * se),
    ci_high: Math.min(1, estimate + 1.959964 * se),
    se,
    method: 'delong',
  };
}

function sampleVariance(values: Float64Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sum = 0;
  for (const v of values) sum += (v - mean) ** 2;
  return sum / (values.length - 1);
}
