/**
 * Which coefficient each cell uses. Normally every cell has its own; a monotone constraint ties
 * adjacent bins together (they then share one coefficient). Column 0 is the intercept; feature f's
 * coefficients follow those of feature f − 1, so blocks stay in column order.
 */
import type { SparseDesign } from './sparse-design.ts';

export interface ParameterMap {
  /** First coefficient of each feature. */
  offsets: Int32Array;
  /** Per feature, the feature-local coefficient of each cell. */
  paramOfCell: Int32Array[];
  /** Coefficients including the intercept. */
  width: number;
}

/** Every cell its own coefficient. */
export function untiedMap(cellCounts: readonly number[]): ParameterMap {
  return fromCellParams(cellCounts.map((cells) => Int32Array.from({ length: cells }, (_, j) => j)));
}

/** The map with adjacent cells of `feature` tied wherever `tied[j]` says cell j shares cell j+1's coefficient. */
export function tieAdjacent(map: ParameterMap, feature: number, tied: (j: number) => boolean): ParameterMap {
  const old = map.paramOfCell[feature]!;
  const next = new Int32Array(old.length);
  for (let j = 1; j < old.length; j++) next[j] = tied(j - 1) ? next[j - 1]! : next[j - 1]! + 1;
  return fromCellParams(map.paramOfCell.map((cells, f) => (f === feature ? next : cells)));
}

function fromCellParams(paramOfCell: Int32Array[]): ParameterMap {
  const offsets = new Int32Array(paramOfCell.length);
  let width = 1;
  paramOfCell.forEach((cells, f) => {
    offsets[f] = width;
    width += cells.length === 0 ? 0 : cells[cells.length - 1]! + 1;
  });
  return { offsets, paramOfCell, width };
}

const untiedDesigns = new WeakMap<readonly Int32Array[], SparseDesign>();

/** The one-hot design for cell codes (`codes[f][i]`, all ≥ 0) under a parameter map (the untied one is cached). */
export function designFor(codes: readonly Int32Array[], map: ParameterMap): SparseDesign {
  const untied = map.paramOfCell.every((params) => params.every((param, j) => param === j));
  const cached = untied ? untiedDesigns.get(codes) : undefined;
  if (cached) return cached;
  const design = buildDesign(codes, map);
  if (untied) untiedDesigns.set(codes, design);
  return design;
}

function buildDesign(codes: readonly Int32Array[], map: ParameterMap): SparseDesign {
  const blocks = codes.length;
  const rows = blocks === 0 ? 0 : codes[0]!.length;
  const cols = new Int32Array(rows * blocks);
  for (let f = 0; f < blocks; f++) {
    const code = codes[f]!;
    const param = map.paramOfCell[f]!;
    const offset = map.offsets[f]!;
    for (let i = 0; i < rows; i++) cols[i * blocks + f] = offset + param[code[i]!]!;
  }
  return { rows, blocks, width: map.width, cols, vals: null };
}

/** Expands coefficients to one value per cell of each feature. */
export function cellValues(beta: Float64Array, map: ParameterMap): Float64Array[] {
  return map.paramOfCell.map((cells, f) => Float64Array.from(cells, (param) => beta[map.offsets[f]! + param]!));
}

/** Coefficients from per-cell values (tied cells averaged), with the intercept — for warm starts. */
export function paramsFromCells(intercept: number, cells: readonly Float64Array[], map: ParameterMap): Float64Array {
  const beta = new Float64Array(map.width);
  const seen = new Float64Array(map.width);
  beta[0] = intercept;
  map.paramOfCell.forEach((params, f) => {
    params.forEach((param, j) => {
      const k = map.offsets[f]! + param;
      beta[k]! += cells[f]![j]!;
      seen[k]!++;
    });
  });
  for (let k = 1; k < map.width; k++) if (seen[k]! > 0) beta[k]! /= seen[k]!;
  return beta;
}

/**
 * A Hessian in `from`'s coefficients expressed in the coarser `to` (every tie of `from` is a tie of
 * `to`): merged rows and columns are summed, which is exact for the same coefficients.
 */
export function coarsenHessian(hessian: Float64Array, from: ParameterMap, to: ParameterMap): Float64Array {
  const target = new Int32Array(from.width);
  from.paramOfCell.forEach((params, f) => {
    params.forEach((param, cell) => { target[from.offsets[f]! + param] = to.offsets[f]! + to.paramOfCell[f]![cell]!; });
  });
  const p = from.width;
  const q = to.width;
  const out = new Float64Array(q * q);
  for (let i = 0; i < p; i++) {
    const ti = target[i]! * q;
    for (let j = 0; j < p; j++) out[ti + target[j]!]! += hessian[i * p + j]!;
  }
  return out;
}
