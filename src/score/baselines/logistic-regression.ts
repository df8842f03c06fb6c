/**
 * Plain logistic regression, the textbook baseline: numeric and 0/1 features enter linearly
 * (standardised, a missing value imputed at the mean with a missing indicator), categorical ones as
 * one coefficient per level (rare levels pooled as in the additive model). A tiny ridge keeps it
 * finite on separable data. Also additive — but with straight lines where the GAM learns shapes.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { learnShape, encodeColumn, shapeCells } from '../features/feature-handlers.ts';
import { fitPenalisedLogistic } from '../fit/irls-fit.ts';
import { allRows } from '../fit/sparse-design.ts';
import type { ShapeOf } from '../model/model-schema.ts';
import { sigmoid } from '../numerics/logistic.ts';

export type LinearTerm =
  | { kind: 'linear'; name: string; mean: number; sd: number; coef: number; missingCoef: number }
  | { kind: 'levels'; name: string; shape: ShapeOf<'categorical'>; coefs: number[] };

export interface LogisticModel {
  intercept: number;
  terms: LinearTerm[];
}

const RIDGE = 1e-3;

/** Fits plain logistic regression on every row. */
export function fitLogisticRegression(features: readonly FeatureColumn[], labels: Uint8Array): LogisticModel {
  const rows = allRows(labels.length);
  const skeleton = features.map((column) => skeletonTerm(column, rows));
  const { design, offsets } = designOf(skeleton, features);
  const penalty = new Float64Array(design.width * design.width);
  for (let k = 1; k < design.width; k++) penalty[k * design.width + k] = RIDGE;
  const { beta } = fitPenalisedLogistic({ design, labels, rows, penalty });
  const terms = skeleton.map((term, t): LinearTerm => {
    const at = offsets[t]!;
    return term.kind === 'linear'
      ? { ...term, coef: beta[at]!, missingCoef: beta[at + 1]! }
      : { ...term, coefs: term.coefs.map((_, j) => beta[at + j]!) };
  });
  return { intercept: beta[0]!, terms };
}

/** The logit of every row. */
export function logisticLogits(model: LogisticModel, features: readonly FeatureColumn[]): Float64Array {
  const byName = new Map(features.map((column) => [column.name, column]));
  const n = features[0]?.values.length ?? 0;
  const eta = new Float64Array(n).fill(model.intercept);
  for (const term of model.terms) {
    const column = byName.get(term.name);
    if (!column) throw new Error(`the data lacks the feature column "${term.name}"`);
    if (term.kind === 'linear') {
      const values = column.values as Float64Array;
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        eta[i]! += Number.isNaN(x) ? term.missingCoef : (term.coef * (x - term.mean)) / term.sd;
      }
    } else {
      const codes = encodeColumn(term.shape, column);
      for (let i = 0; i < n; i++) if (codes[i]! >= 0) eta[i]! += term.coefs[codes[i]!]!;
    }
  }
  return eta;
}

/** The probability of every row. */
export function logisticProbabilities(model: LogisticModel, features: readonly FeatureColumn[]): Float64Array {
  return Float64Array.from(logisticLogits(model, features), sigmoid);
}

function skeletonTerm(column: FeatureColumn, rows: Int32Array): LinearTerm {
  if (column.kind === 'categorical') {
    const shape = learnShape(column, rows, { maxBins: 2, minCellCount: 10, maxLevels: 64 });
    return { kind: 'levels', name: column.name, shape, coefs: shapeCells(shape).map(() => 0) };
  }
  let sum = 0, sumSq = 0, count = 0;
  for (const x of column.values) {
    if (Number.isNaN(x)) continue;
    sum += x; sumSq += x * x; count++;
  }
  const mean = count > 0 ? sum / count : 0;
  const sd = count > 1 ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) || 1 : 1;
  return { kind: 'linear', name: column.name, mean, sd, coef: 0, missingCoef: 0 };
}

/** A valued sparse design: a linear term takes two blocks (value, missing indicator), a level term one. */
function designOf(terms: readonly LinearTerm[], features: readonly FeatureColumn[]) {
  const n = features[0]?.values.length ?? 0;
  const blocks = terms.reduce((sum, term) => sum + (term.kind === 'linear' ? 2 : 1), 0);
  const cols = new Int32Array(n * blocks);
  const vals = new Float64Array(n * blocks);
  const offsets: number[] = [];
  let width = 1;
  let block = 0;
  terms.forEach((term, t) => {
    offsets.push(width);
    const column = features[t]!;
    if (term.kind === 'linear') {
      const values = column.values as Float64Array;
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        const missing = Number.isNaN(x);
        cols[i * blocks + block] = width;
        vals[i * blocks + block] = missing ? 0 : (x - term.mean) / term.sd;
        cols[i * blocks + block + 1] = width + 1;
        vals[i * blocks + block + 1] = missing ? 1 : 0;
      }
      width += 2;
      block += 2;
    } else {
      const codes = encodeColumn(term.shape, column);
      for (let i = 0; i < n; i++) {
        cols[i * blocks + block] = width + Math.max(0, codes[i]!);
        vals[i * blocks + block] = codes[i]! >= 0 ? 1 : 0;
      }
      width += term.coefs.length;
      block += 1;
    }
  });
  return { design: { rows: n, blocks, width, cols, vals }, offsets };
}
