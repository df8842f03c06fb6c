/**
 * The design matrix of an additive model, stored sparsely: every row has exactly one entry per
 * feature block (the row's bin or level, or a single numeric column) plus the intercept, column 0,
 * implicit in every row. A one-hot design has no values (every entry is 1).
 */
export interface SparseDesign {
  /** Number of rows. */
  readonly rows: number;
  /** Entries per row (feature blocks), not counting the intercept. */
  readonly blocks: number;
  /** Number of columns including the intercept (column 0). */
  readonly width: number;
  /** Column of each entry, row-major (`rows × blocks`), each in `[1, width)`. */
  readonly cols: Int32Array;
  /** Value of each entry, row-major; `null` when every entry is 1 (one-hot). */
  readonly vals: Float64Array | null;
}

/** Computes η = Xβ for the listed rows (all rows when `rows` is omitted). */
export function linearPredictor(design: SparseDesign, beta: Float64Array, rows?: Int32Array): Float64Array {
  const { blocks, cols, vals } = design;
  const count = rows ? rows.length : design.rows;
  const eta = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r]! : r;
    const base = i * blocks;
    let sum = beta[0]!;
    if (vals) for (let f = 0; f < blocks; f++) sum += beta[cols[base + f]!]! * vals[base + f]!;
    else for (let f = 0; f < blocks; f++) sum += beta[cols[base + f]!]!;
    eta[r] = sum;
  }
  return eta;
}

/** Every row index `0 … n−1`, for fitting on all rows. */
export function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}
