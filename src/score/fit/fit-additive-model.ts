/**
 * Fits the additive model: learn each feature's cells, choose the penalty by cross-validation, fit
 * every cell by penalised IRLS (monotone shapes by an active set), centre the shapes, and calibrate
 * with Platt scaling on the out-of-fold logits — a linear map of the logit, so the calibrated model
 * is still exactly intercept + Σ contributions.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { encodeColumn, learnShape, orderedCells, shapeCells, withContributions } from '../features/feature-handlers.ts';
import { AdditiveModelSchema, type AdditiveModel, type Calibration, type FeatureShape, type Monotone } from '../model/model-schema.ts';
import { fitPlatt } from '../calibration/platt-scaling.ts';
import { centreCells } from './centre-cells.ts';
import { chooseLambda, scaled, type LambdaChoice } from './choose-lambda.ts';
import { fitCells, type EncodedData } from './fit-cells.ts';
import { FitOptionsSchema, type FitOptions, type ResolvedFitOptions } from './fit-options.ts';
import { allRows } from './sparse-design.ts';
import { sampleRows } from './stratified-folds.ts';
import { trainingFingerprint } from './training-fingerprint.ts';

export interface TrainingData {
  features: readonly FeatureColumn[];
  /** 0/1 per row. */
  labels: Uint8Array;
}

export interface FitResult {
  model: AdditiveModel;
  /** The cross-validation rows and their raw (uncalibrated) out-of-fold logits. */
  outOfFold: { rows: Int32Array; logits: Float64Array };
  warnings: string[];
  stats: { seconds: number; iterations: number; hessians: number; converged: boolean };
}

/**
 * Fits an additive logistic model (a penalised GAM) to every row of `data`.
 *
 * @example
 * const { model } = fitAdditiveModel({ features: [{ kind: 'numeric', name: 'age', values }], labels }, { monotone: {} });
 */
export function fitAdditiveModel(data: TrainingData, fitOptions: FitOptions = {}, onProgress: (message: string) => void = () => {}): FitResult {
  const started = performance.now();
  const options = FitOptionsSchema.parse(fitOptions);
  const n = data.labels.length;
  const positives = checkTrainingData(data, options);
  const rows = allRows(n);
  const settings = { maxBins: options.maxBins, minCellCount: options.minCellCount, maxLevels: options.maxLevels };
  const learned: FeatureShape[] = data.features.map((column) => learnShape(column, rows, settings));
  const shapes = learned.map((shape) => withMonotone(shape, options.monotone[shape.name]));
  const encoded = encode(shapes, data);
  onProgress(`encoded ${n.toLocaleString('en-GB')} rows into ${encoded.layout.cells.reduce((a, b) => a + b, 0)} cells`);
  const cvRows = sampleRows(rows, options.cvMaxRows, options.seed);
  const grid = options.lambda !== undefined ? [options.lambda] : options.lambdaGrid;
  const choice = chooseLambda(encoded, cvRows, grid, options.folds, options.seed, onProgress);
  const fit = fitCells(encoded, rows, choice.lambda, { warm: { ...choice.warm, hessian: scaled(choice.warm.hessian, n) } });
  onProgress(`fitted at λ = ${choice.lambda} in ${fit.iterations} iterations`);
  const centred = centreCells(fit.intercept, fit.cells, encoded.cellCounts);
  const warnings: string[] = fit.converged ? [] : ['the final fit did not converge in 100 iterations; the shapes may be imprecise'];
  const calibration = calibrate(options, choice, encoded.labels, warnings);
  const scale = calibration.kind === 'platt' ? calibration.slope : 1;
  const offset = calibration.kind === 'platt' ? calibration.intercept : 0;
  const model = AdditiveModelSchema.parse({
    format: 'tributary.additive-model',
    version: 1,
    label: options.label,
    link: 'logit',
    intercept: offset + scale * centred.intercept,
    features: shapes.map((shape, f) => withContributions(shape, centred.cells[f]!.map((c) => scale * c))),
    calibration,
    training: trainingSummary(options, n, positives, choice),
    trainingFingerprint: options.fingerprint ?? trainingFingerprint(data.features, data.labels),
    fittedAt: options.fittedAt ?? new Date().toISOString(),
  });
  return {
    model,
    outOfFold: { rows: choice.rows, logits: choice.outOfFoldLogits },
    warnings,
    stats: { seconds: (performance.now() - started) / 1000, iterations: fit.iterations, hessians: fit.hessians, converged: fit.converged },
  };
}

function checkTrainingData(data: TrainingData, options: ResolvedFitOptions): number {
  const n = data.labels.length;
  for (const column of data.features) {
    if (column.values.length !== n) throw new Error(`feature "${column.name}" has ${column.values.length} values but there are ${n} labels; every column must have one value per row`);
  }
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const y = data.labels[i]!;
    if (y !== 0 && y !== 1) throw new Error(`label at row ${i + 1} is ${y}; labels must be 0 or 1`);
    positives += y;
  }
  const negatives = n - positives;
  if (Math.min(positives, negatives) < options.folds) {
    throw new Error(`the training rows have ${positives} positive and ${negatives} negative labels; fitting needs at least ${options.folds} of each (one per cross-validation fold)`);
  }
  for (const name of Object.keys(options.monotone)) {
    const column = data.features.find((feature) => feature.name === name);
    if (!column) throw new Error(`a monotone constraint names "${name}", which is not a feature; features are: ${data.features.map((f) => f.name).join(', ')}`);
    if (column.kind !== 'numeric') throw new Error(`a monotone constraint names "${name}", a ${column.kind} feature; constraints apply to numeric features only`);
  }
  return positives;
}

function withMonotone(shape: FeatureShape, direction: Monotone | undefined): FeatureShape {
  return shape.kind === 'numeric' && direction ? { ...shape, monotone: direction } : shape;
}

function encode(shapes: readonly FeatureShape[], data: TrainingData): EncodedData {
  const cells = shapes.map((shape) => shapeCells(shape));
  return {
    layout: { cells: cells.map((c) => c.length), ordered: shapes.map((shape) => orderedCells(shape)) },
    codes: shapes.map((shape, f) => encodeColumn(shape, data.features[f]!)),
    labels: data.labels,
    monotone: shapes.map((shape) => (shape.kind === 'numeric' ? shape.monotone : 'none')),
    cellCounts: cells.map((c) => Float64Array.from(c, (cell) => cell.count)),
  };
}

function calibrate(options: ResolvedFitOptions, choice: LambdaChoice, labels: Uint8Array, warnings: string[]): Calibration {
  if (options.calibration === 'none') return { kind: 'none' };
  const rowLabels = Uint8Array.from(choice.rows, (row) => labels[row]!);
  const map = fitPlatt(choice.outOfFoldLogits, rowLabels);
  if (!(map.slope > 0)) {
    warnings.push(`Platt scaling found no positive relation between out-of-fold scores and labels (slope ${map.slope.toFixed(3)}); the features carry no usable signal, so every contribution is set to 0`);
    const rate = rowLabels.reduce((a, b) => a + b, 0) / rowLabels.length;
    return { kind: 'platt', slope: 0, intercept: Math.log(rate / (1 - rate)), rows: rowLabels.length };
  }
  return { kind: 'platt', slope: map.slope, intercept: map.intercept, rows: rowLabels.length };
}

function trainingSummary(options: ResolvedFitOptions, n: number, positives: number, choice: LambdaChoice) {
  return {
    rows: n,
    positives,
    baseRate: positives / n,
    lambda: choice.lambda,
    crossValidation: { folds: options.folds, rows: choice.rows.length, candidates: choice.candidates },
    maxBins: options.maxBins,
    minCellCount: options.minCellCount,
    seed: options.seed,
  };
}
