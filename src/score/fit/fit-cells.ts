/**
 * Fits every cell's coefficient at one penalty strength, on a set of rows, honouring monotone
 * constraints by an active set: after an unconstrained fit, each monotone feature's bins are
 * projected by pool-adjacent-violators; the pooled bins are tied to one coefficient and the model is
 * refitted, until no constrained shape has a violation. Ties only accumulate, so this ends.
 */
import type { Monotone } from '../model/model-schema.ts';
import { pava } from '../numerics/pava.ts';
import { fitPenalisedLogistic } from './irls-fit.ts';
import { cellValues, coarsenHessian, designFor, paramsFromCells, tieAdjacent, untiedMap, type ParameterMap } from './parameter-map.ts';
import { penaltyMatrix, type PenaltyLayout } from './penalty-matrix.ts';

/** The encoded training data: one Int32Array of cell codes per feature (all ≥ 0). */
export interface EncodedData {
  layout: PenaltyLayout;
  codes: readonly Int32Array[];
  labels: Uint8Array;
  /** Per feature, the constraint on its ordered cells. */
  monotone: readonly Monotone[];
  /** Per feature, training rows in each cell (weights for the monotone projection). */
  cellCounts: readonly ArrayLike<number>[];
}

export interface CellFit {
  intercept: number;
  /** Per feature, one coefficient per cell. */
  cells: Float64Array[];
  /** The unpenalised Hessian of the untied fit (the first round), reusable as a warm start. */
  hessian: Float64Array;
  iterations: number;
  hessians: number;
  converged: boolean;
}

export interface CellFitOptions {
  /** A fit at a nearby penalty to start from. */
  warm?: CellFit;
}

const MAX_ROUNDS = 20;

/** Fits the cells on `rows` at penalty strength `lambda`. */
export function fitCells(data: EncodedData, rows: Int32Array, lambda: number, options: CellFitOptions = {}): CellFit {
  let map = untiedMap(data.layout.cells);
  let start = options.warm;
  let hessian = options.warm?.hessian;
  let untiedHessian: Float64Array | undefined;
  let iterations = 0;
  let hessians = 0;
  for (let round = 0; ; round++) {
    const result = fitPenalisedLogistic(
      { design: designFor(data.codes, map), labels: data.labels, rows, penalty: penaltyMatrix(data.layout, map, lambda) },
      { start: start ? paramsFromCells(start.intercept, start.cells, map) : undefined, hessian },
    );
    iterations += result.iterations;
    hessians += result.hessians;
    untiedHessian ??= result.hessian;
    const fit: CellFit = {
      intercept: result.beta[0]!, cells: cellValues(result.beta, map), hessian: untiedHessian,
      iterations, hessians, converged: result.converged,
    };
    const tied = tieViolations(data, fit, map);
    if (!tied || round >= MAX_ROUNDS) return fit;
    hessian = coarsenHessian(result.hessian, map, tied);
    map = tied;
    start = fit;
  }
}

/** A map with the pooled blocks of every violated monotone shape tied, or null if none is violated. */
function tieViolations(data: EncodedData, fit: CellFit, map: ParameterMap): ParameterMap | null {
  let next: ParameterMap | null = null;
  data.monotone.forEach((direction, f) => {
    if (direction === 'none') return;
    const ordered = data.layout.ordered[f]!;
    const sign = direction === 'increasing' ? 1 : -1;
    const values = Float64Array.from({ length: ordered }, (_, j) => sign * fit.cells[f]![j]!);
    if (isNonDecreasing(values)) return;
    const weights = Float64Array.from({ length: ordered }, (_, j) => data.cellCounts[f]![j]! + 1e-9);
    const { block } = pava(values, weights);
    const params = (next ?? map).paramOfCell[f]!;
    next = tieAdjacent(next ?? map, f, (j) => j + 1 < ordered && (block[j] === block[j + 1] || params[j] === params[j + 1]));
  });
  return next;
}

function isNonDecreasing(values: Float64Array): boolean {
  for (let j = 1; j < values.length; j++) if (values[j]! < values[j - 1]! - 1e-10) return false;
  return true;
}

/** The logit of every listed row under a cell fit (a code of −1, never seen, contributes 0). */
export function cellLogits(data: Pick<EncodedData, 'codes'>, fit: Pick<CellFit, 'intercept' | 'cells'>, rows: Int32Array): Float64Array {
  const eta = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    let sum = fit.intercept;
    for (let f = 0; f < data.codes.length; f++) {
      const code = data.codes[f]![i]!;
      if (code >= 0) sum += fit.cells[f]![code]!;
    }
    eta[r] = sum;
  }
  return eta;
}

/** The encoded data restricted to `rows` (renumbered 0 … rows.length − 1). */
export function subsetEncoded(data: EncodedData, rows: Int32Array): EncodedData {
  return {
    ...data,
    codes: data.codes.map((codes) => Int32Array.from(rows, (row) => codes[row]!)),
    labels: Uint8Array.from(rows, (row) => data.labels[row]!),
  };
}
