/**
 * Weighted pool-adjacent-violators: the non-decreasing sequence closest to `values` in weighted
 * least squares. Used for monotone shapes and for isotonic calibration.
 */
export interface PavaResult {
  /** The fitted non-decreasing values, one per input. */
  fitted: Float64Array;
  /** For each input, the index of the pooled block it ended up in (blocks numbered from 0). */
  block: Int32Array;
}

/** Fits a non-decreasing sequence; weights must be non-negative (zero-weight points follow their block). */
export function pava(values: ArrayLike<number>, weights: ArrayLike<number>): PavaResult {
  const n = values.length;
  const mean = new Float64Array(n);
  const weight = new Float64Array(n);
  const start = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    mean[blocks] = values[i]!;
    weight[blocks] = weights[i]!;
    start[blocks] = i;
    blocks++;
    while (blocks > 1 && mean[blocks - 2]! > mean[blocks - 1]!) {
      const w = weight[blocks - 2]! + weight[blocks - 1]!;
      const m = w > 0
        ? (mean[blocks - 2]! * weight[blocks - 2]! + mean[blocks - 1]! * weight[blocks - 1]!) / w
        : (mean[blocks - 2]! + mean[blocks - 1]!) / 2;
      mean[blocks - 2] = m;
      weight[blocks - 2] = w;
      blocks--;
    }
  }
  const fitted = new Float64Array(n);
  const block = new Int32Array(n);
  for (let b = 0; b < blocks; b++) {
    const end = b + 1 < blocks ? start[b + 1]! : n;
    for (let i = start[b]!; i < end; i++) {
      fitted[i] = mean[b]!;
      block[i] = b;
    }
  }
  return { fitted, block };
}
