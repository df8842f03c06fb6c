/**
 * Penalised logistic regression by IRLS (Newton's method): minimises
 * Σ log-loss(yᵢ, xᵢβ) + ½ βᵀSβ with a Cholesky solve per Hessian and step-halving so that the
 * objective never increases.
 *
 * The Hessian, the costly part (one entry per pair of features per row), is reused while
 * convergence stays fast (a chord step) and recomputed when it slows; the gradient and objective are
 * always fresh, so the fit converges to the exact optimum. A warm start along a path of penalties
 * then costs a few cheap gradient passes instead of new Hessians.
 */
import { choleskyFactor, choleskySolve } from '../numerics/cholesky.ts';
import { hessianAt, lossAndGradient } from './newton-terms.ts';
import type { SparseDesign } from './sparse-design.ts';

export interface PenalisedProblem {
  design: SparseDesign;
  labels: Uint8Array;
  /** The rows to fit on (a fold, a training split, or all rows). */
  rows: Int32Array;
  /** S, `width × width`, already multiplied by its strength; the intercept (column 0) unpenalised. */
  penalty: Float64Array;
}

export interface IrlsOptions {
  /** Starting coefficients (a warm start); default: 0 with the intercept at the mean logit. */
  start?: Float64Array;
  /** An unpenalised XᵀWX to start from (from a nearby fit on the same rows). */
  hessian?: Float64Array;
  maxIterations?: number;
  /** Newton decrement, relative to the objective, below which the fit has converged (default 1e-15); a step below 1e-8 in every coefficient also ends it. */
  tolerance?: number;
}

export interface IrlsResult {
  beta: Float64Array;
  /** Σ log-loss + ½ βᵀSβ at `beta`. */
  objective: number;
  iterations: number;
  /** Hessians computed. */
  hessians: number;
  converged: boolean;
  /** The last unpenalised XᵀWX, for a warm start of a nearby fit. */
  hessian: Float64Array;
}

/** Fits β by penalised IRLS. */
export function fitPenalisedLogistic(problem: PenalisedProblem, options: IrlsOptions = {}): IrlsResult {
  const { design, rows, penalty } = problem;
  const p = design.width;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-15;
  let beta = options.start ? Float64Array.from(options.start) : interceptOnlyStart(problem);
  let current = evaluate(problem, beta);
  let hessian = options.hessian ?? null;
  let factor: Float64Array | null = null;
  let fresh = false;
  let previousDecrement = Number.POSITIVE_INFINITY;
  let hessians = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (!hessian) {
      hessian = hessianAt(design, rows, beta);
      hessians++;
      fresh = true;
      factor = null;
    }
    factor ??= choleskyFactor(addInto(hessian, penalty), p);
    const step = choleskySolve(factor, p, current.gradient);
    const decrement = dot(step, current.gradient);
    const scale = 1 + Math.abs(current.objective);
    const done = !(decrement > 0) || decrement / 2 <= tolerance * scale || maxAbs(step) < 1e-8;
    if (done) return { beta, objective: current.objective, iterations: iteration, hessians, converged: true, hessian };
    // Close to the optimum the objective cannot resolve the remaining decrease: take the full step.
    const next = decrement / 2 < 1e-9 * scale ? fullStep(problem, beta, step) : lineSearch(problem, beta, step, current.objective);
    const slow = !next || next.halved || decrement > 0.25 * previousDecrement;
    if (!next) {
      if (fresh) return { beta, objective: current.objective, iterations: iteration, hessians, converged: true, hessian };
      hessian = null;
      continue;
    }
    beta = next.beta;
    current = next.state;
    previousDecrement = decrement;
    fresh = false;
    if (slow) hessian = null;
  }
  return { beta, objective: current.objective, iterations: maxIterations, hessians, converged: false, hessian: hessian ?? new Float64Array(p * p) };
}

interface State { objective: number; gradient: Float64Array }

/** The penalised objective and its negative gradient Xᵀ(y − μ) − Sβ at β. */
function evaluate(problem: PenalisedProblem, beta: Float64Array): State {
  const p = problem.design.width;
  const { loss, gradient } = lossAndGradient(problem.design, problem.labels, problem.rows, beta);
  const sBeta = multiply(problem.penalty, beta, p);
  for (let i = 0; i < p; i++) gradient[i]! -= sBeta[i]!;
  return { objective: loss + 0.5 * dot(beta, sBeta), gradient };
}

function fullStep(problem: PenalisedProblem, beta: Float64Array, step: Float64Array) {
  const candidate = Float64Array.from(beta, (b, i) => b + step[i]!);
  return { beta: candidate, state: evaluate(problem, candidate), halved: false };
}

function lineSearch(problem: PenalisedProblem, beta: Float64Array, step: Float64Array, objective: number) {
  for (let t = 1; t > 1e-4; t /= 2) {
    const candidate = new Float64Array(beta.length);
    for (let i = 0; i < beta.length; i++) candidate[i] = beta[i]! + t * step[i]!;
    const state = evaluate(problem, candidate);
    if (state.objective <= objective) return { beta: candidate, state, halved: t < 1 };
  }
  return null;
}

function interceptOnlyStart(problem: PenalisedProblem): Float64Array {
  let positives = 0;
  for (let r = 0; r < problem.rows.length; r++) positives += problem.labels[problem.rows[r]!]!;
  const rate = (positives + 0.5) / (problem.rows.length + 1);
  const beta = new Float64Array(problem.design.width);
  beta[0] = Math.log(rate / (1 - rate));
  return beta;
}

function addInto(a: Float64Array, b: Float64Array): Float64Array {
  const sum = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) sum[i] = a[i]! + b[i]!;
  return sum;
}

function multiply(matrix: Float64Array, vector: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = 0;
    const row = i * p;
    for (let j = 0; j < p; j++) sum += matrix[row + j]! * vector[j]!;
    out[i] = sum;
  }
  return out;
}

function maxAbs(values: Float64Array): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return max;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
