/**
 * Passes over the data for Newton steps of penalised logistic regression: the log-loss with its
 * gradient Xᵀ(y − μ), and the Hessian XᵀWX accumulated sparsely (each row touches one entry per
 * pair of blocks). The Hessian pass is where a fit spends its time, so the fit reuses Hessians.
 */
import type { SparseDesign } from './sparse-design.ts';

export interface LossAndGradient {
  /** Σ log-loss over the rows (unpenalised). */
  loss: number;
  /** Xᵀ(y − μ), length `width`. */
  gradient: Float64Array;
}

/** Σ log-loss and its (negative) gradient Xᵀ(y − μ) at `beta` over `rows`. */
export function lossAndGradient(design: SparseDesign, labels: Uint8Array, rows: Int32Array, beta: Float64Array): LossAndGradient {
  const { blocks, cols, vals } = design;
  const g = new Float64Array(design.width);
  let loss = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const base = i * blocks;
    let eta = beta[0]!;
    if (vals) for (let f = 0; f < blocks; f++) eta += beta[cols[base + f]!]! * vals[base + f]!;
    else for (let f = 0; f < blocks; f++) eta += beta[cols[base + f]!]!;
    const e = Math.exp(-Math.abs(eta));
    const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const y = labels[i]!;
    const resid = y - mu;
    loss += (eta > 0 ? eta : 0) + Math.log1p(e) - y * eta;
    g[0]! += resid;
    if (vals) for (let f = 0; f < blocks; f++) g[cols[base + f]!]! += resid * vals[base + f]!;
    else for (let f = 0; f < blocks; f++) g[cols[base + f]!]! += resid;
  }
  return { loss, gradient: g };
}

/** XᵀWX at `beta` over `rows`. */
export function hessianAt(design: SparseDesign, rows: Int32Array, beta: Float64Array): Float64Array {
  const p = design.width;
  const h = new Float64Array(p * p);
  if (design.vals) accumulateValued(design, design.vals, rows, beta, h);
  else accumulateOneHot(design, rows, beta, h);
  symmetrise(h, p);
  return h;
}

function weightOf(eta: number): number {
  const e = Math.exp(-Math.abs(eta));
  return e / ((1 + e) * (1 + e));
}

function accumulateOneHot(design: SparseDesign, rows: Int32Array, beta: Float64Array, h: Float64Array): void {
  const { blocks, cols, width: p } = design;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * blocks;
    let eta = beta[0]!;
    for (let f = 0; f < blocks; f++) eta += beta[cols[base + f]!]!;
    const w = weightOf(eta);
    h[0]! += w;
    for (let f = 0; f < blocks; f++) {
      const a = cols[base + f]!;
      const rowA = a * p;
      h[a]! += w;
      h[rowA + a]! += w;
      for (let k = f + 1; k < blocks; k++) h[rowA + cols[base + k]!]! += w;
    }
  }
}

function accumulateValued(design: SparseDesign, vals: Float64Array, rows: Int32Array, beta: Float64Array, h: Float64Array): void {
  const { blocks, cols, width: p } = design;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * blocks;
    let eta = beta[0]!;
    for (let f = 0; f < blocks; f++) eta += beta[cols[base + f]!]! * vals[base + f]!;
    const w = weightOf(eta);
    h[0]! += w;
    for (let f = 0; f < blocks; f++) {
      const a = cols[base + f]!;
      const wa = w * vals[base + f]!;
      const rowA = a * p;
      h[a]! += wa;
      h[rowA + a]! += wa * vals[base + f]!;
      for (let k = f + 1; k < blocks; k++) h[rowA + cols[base + k]!]! += wa * vals[base + k]!;
    }
  }
}

/** Folds the two triangles together (an entry may have been accumulated on either side). */
function symmetrise(h: Float64Array, p: number): void {
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const sum = h[i * p + j]! + h[j * p + i]!;
      h[i * p + j] = sum;
      h[j * p + i] = sum;
    }
  }
}
