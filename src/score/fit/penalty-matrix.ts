/**
 * The penalty S of the additive model: a second-difference (smoothness) penalty λ·Σ(Δ²β)² over a
 * numeric feature's ordered bins, a ridge (λ·ridgeRatio)·β² on every other cell (levels, 0/1,
 * missing), and a tiny ridge on every coefficient so that the system is always solvable (a
 * feature's cells and the intercept are otherwise only determined up to a shared constant; the
 * shapes are centred afterwards). The intercept is not penalised.
 */
import type { ParameterMap } from './parameter-map.ts';

export interface PenaltyLayout {
  /** Per feature, its number of cells and how many leading ones are ordered. */
  cells: readonly number[];
  ordered: readonly number[];
}

/** The ratio of the level ridge to the smoothness strength: levels have prior sd 10/√λ, second differences 1/√λ. */
export const RIDGE_RATIO = 0.01;
const TINY_RIDGE = 1e-6;

/** The dense penalty S(λ) in coefficient space (`width × width`). */
export function penaltyMatrix(layout: PenaltyLayout, map: ParameterMap, lambda: number): Float64Array {
  const p = map.width;
  const s = new Float64Array(p * p);
  layout.cells.forEach((cells, f) => {
    const local = cellPenalty(cells, layout.ordered[f]!, lambda);
    const params = map.paramOfCell[f]!;
    const offset = map.offsets[f]!;
    for (let a = 0; a < cells; a++) {
      for (let b = 0; b < cells; b++) {
        const value = local[a * cells + b]!;
        if (value !== 0) s[(offset + params[a]!) * p + offset + params[b]!]! += value;
      }
    }
  });
  for (let k = 1; k < p; k++) s[k * p + k]! += TINY_RIDGE;
  return s;
}

/** One feature's penalty over its cells: DᵀD over the first `ordered` cells, a ridge on the rest. */
function cellPenalty(cells: number, ordered: number, lambda: number): Float64Array {
  const s = new Float64Array(cells * cells);
  for (let j = 0; j + 2 < ordered; j++) {
    const d = [1, -2, 1];
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) s[(j + a) * cells + j + b]! += lambda * d[a]! * d[b]!;
    }
  }
  for (let j = ordered; j < cells; j++) s[j * cells + j]! += lambda * RIDGE_RATIO;
  return s;
}
