/** Seeded, label-stratified K-fold assignment: every fold gets its share of positives. */
import { seededRandom, shuffleInPlace } from '../numerics/seeded-random.ts';

/** The fold (0 … k−1) of each of `rows`, in the same order. */
export function stratifiedFolds(labels: Uint8Array, rows: Int32Array, k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(rows.length);
  for (const label of [0, 1]) {
    const positions = Int32Array.from(rows.keys()).filter((r) => labels[rows[r]!] === label);
    shuffleInPlace(positions, random);
    positions.forEach((position, j) => { fold[position] = j % k; });
  }
  return fold;
}

/** The rows in fold `f` and the rows out of it. */
export function splitFold(rows: Int32Array, fold: Int32Array, f: number): { inFold: Int32Array; outOfFold: Int32Array } {
  return {
    inFold: rows.filter((_, r) => fold[r] === f),
    outOfFold: rows.filter((_, r) => fold[r] !== f),
  };
}

/** A seeded random subsample of at most `limit` rows (sorted), or all of them. */
export function sampleRows(rows: Int32Array, limit: number, seed: number): Int32Array {
  if (rows.length <= limit) return rows;
  const shuffled = shuffleInPlace(Int32Array.from(rows), seededRandom(seed));
  return shuffled.subarray(0, limit).sort();
}
