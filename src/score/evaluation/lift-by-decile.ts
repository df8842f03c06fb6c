/**
 * Lift by decile: rows ranked by score (highest first, ties in row order) and cut into ten equal
 * groups; each decile's outcome rate against the base rate, and the share of all positives captured
 * by this decile and those above it.
 */
import type { LiftDecile } from './evaluation-schema.ts';

export function liftByDecile(scores: ArrayLike<number>, labels: ArrayLike<number>): LiftDecile[] {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let totalPositives = 0;
  for (let i = 0; i < n; i++) totalPositives += labels[i]!;
  const baseRate = n > 0 ? totalPositives / n : 0;
  const deciles: LiftDecile[] = [];
  let captured = 0;
  for (let d = 0; d < 10; d++) {
    const start = Math.floor((d * n) / 10);
    const end = Math.floor(((d + 1) * n) / 10);
    if (end <= start) continue;
    let positives = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let r = start; r < end; r++) {
      const i = order[r]!;
      positives += labels[i]!;
      min = Math.min(min, scores[i]!);
      max = Math.max(max, scores[i]!);
    }
    captured += positives;
    const rate = positives / (end - start);
    deciles.push({
      decile: d + 1, n: end - start, positives, rate,
      lift: baseRate > 0 ? rate / baseRate : null,
      cumulative_capture: totalPositives > 0 ? captured / totalPositives : null,
      min_score: min, max_score: max,
    });
  }
  return deciles;
}
