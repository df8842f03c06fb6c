/**
 * The calibration (reliability) curve: predictions grouped into bins, each bin's mean prediction
 * against its observed rate. By default the bins are the deciles of the predictions themselves
 * (equal counts, so that low-base-rate scores still get ten informative bins); pass `edges` to use
 * shared cut points, e.g. to compare groups on the same bins.
 */
import type { CalibrationBin } from './evaluation-schema.ts';

/** The 10-quantile cut points of `scores` (distinct, ascending): a score ≤ edges[k] falls in bin k. */
export function decileEdges(scores: ArrayLike<number>, bins = 10): number[] {
  const sorted = Float64Array.from(scores).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.ceil((k * sorted.length) / bins) - 1];
    if (edge !== undefined && edge < sorted[sorted.length - 1]! && (edges.length === 0 || edge > edges[edges.length - 1]!)) edges.push(edge);
  }
  return edges;
}

/** The curve over the bins cut at `edges` (default: the deciles); empty bins are left out. */
export function calibrationCurve(probabilities: ArrayLike<number>, labels: ArrayLike<number>, edges = decileEdges(probabilities)): CalibrationBin[] {
  const count = edges.length + 1;
  const n = new Float64Array(count), predicted = new Float64Array(count), observed = new Float64Array(count);
  const min = new Float64Array(count).fill(Infinity), max = new Float64Array(count).fill(-Infinity);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    let bin = 0;
    while (bin < edges.length && p > edges[bin]!) bin++;
    n[bin]!++;
    predicted[bin]! += p;
    observed[bin]! += labels[i]!;
    min[bin] = Math.min(min[bin]!, p);
    max[bin] = Math.max(max[bin]!, p);
  }
  const curve: CalibrationBin[] = [];
  for (let bin = 0; bin < count; bin++) {
    if (n[bin] === 0) continue;
    curve.push({
      bin: bin + 1, n: n[bin]!, mean_predicted: predicted[bin]! / n[bin]!, observed_rate: observed[bin]! / n[bin]!,
      min_predicted: min[bin]!, max_predicted: max[bin]!,
    });
  }
  return curve;
}

/** Expected calibration error of a curve: Σ (n_bin / n) |mean predicted − observed|. */
export function expectedCalibrationError(curve: readonly CalibrationBin[]): number {
  const total = curve.reduce((sum, bin) => sum + bin.n, 0);
  return curve.reduce((sum, bin) => sum + (bin.n / total) * Math.abs(bin.mean_predicted - bin.observed_rate), 0);
}
