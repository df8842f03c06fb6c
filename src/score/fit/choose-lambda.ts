/**
 * Chooses the penalty strength by K-fold cross-validation on log-loss. Each fold walks the grid from
 * the smoothest fit to the roughest, warm-starting each fit from the previous one (and reusing its
 * Hessian), so a candidate costs a Cholesky solve and a few gradient passes. Keeps the out-of-fold
 * logits at the chosen strength, for calibration.
 */
import { logLossOfLogit } from '../numerics/logistic.ts';
import { cellLogits, fitCells, subsetEncoded, type CellFit, type EncodedData } from './fit-cells.ts';
import { allRows } from './sparse-design.ts';
import { splitFold, stratifiedFolds } from './stratified-folds.ts';

export interface LambdaChoice {
  lambda: number;
  candidates: Array<{ lambda: number; logLoss: number }>;
  /** A fold's fit at the chosen strength, its Hessian per row, to warm-start the final fit. */
  warm: CellFit;
  /** The rows cross-validated and their out-of-fold logits at the chosen strength. */
  rows: Int32Array;
  outOfFoldLogits: Float64Array;
}

/** Cross-validates every strength in `grid` on `rows` with `folds` stratified folds. */
export function chooseLambda(
  data: EncodedData, rows: Int32Array, grid: readonly number[], folds: number, seed: number,
  onProgress: (message: string) => void = () => {},
): LambdaChoice {
  const ordered = [...grid].sort((a, b) => b - a);
  const sample = subsetEncoded(data, rows);
  const local = allRows(rows.length);
  const fold = stratifiedFolds(sample.labels, local, folds, seed);
  const logits = ordered.map(() => new Float64Array(rows.length));
  let previousFoldStart: CellFit | undefined;
  const fitsAt: CellFit[][] = ordered.map(() => []);
  for (let f = 0; f < folds; f++) {
    const { inFold, outOfFold } = splitFold(local, fold, f);
    if (inFold.length === 0) continue;
    let warm: CellFit | undefined = previousFoldStart;
    ordered.forEach((lambda, g) => {
      warm = fitCells(sample, outOfFold, lambda, { warm });
      if (g === 0) previousFoldStart = warm;
      fitsAt[g]!.push(warm);
      const eta = cellLogits(sample, warm, inFold);
      inFold.forEach((row, r) => { logits[g]![row] = eta[r]!; });
    });
    onProgress(`cross-validation fold ${f + 1} of ${folds} done`);
  }
  const candidates = ordered.map((lambda, g) => ({ lambda, logLoss: meanLogLoss(sample.labels, local, logits[g]!) }));
  let best = 0;
  candidates.forEach((candidate, g) => { if (candidate.logLoss < candidates[best]!.logLoss) best = g; });
  const last = fitsAt[best]![fitsAt[best]!.length - 1]!;
  return {
    lambda: candidates[best]!.lambda,
    warm: { ...last, hessian: scaled(last.hessian, 1 / (rows.length - Math.floor(rows.length / folds))) },
    candidates: candidates.sort((a, b) => a.lambda - b.lambda),
    rows,
    outOfFoldLogits: logits[best]!,
  };
}

function meanLogLoss(labels: Uint8Array, rows: Int32Array, logits: Float64Array): number {
  let sum = 0;
  rows.forEach((row, r) => { sum += logLossOfLogit(labels[row]!, logits[r]!); });
  return sum / rows.length;
}

/** A copy of a matrix multiplied by a factor. */
export function scaled(matrix: Float64Array, factor: number): Float64Array {
  return Float64Array.from(matrix, (x) => x * factor);
}
