/**
 * A transparent points scorecard, the baseline a partnership could run on paper: the few strongest
 * features (by information value on the training rows), each cut into at most five coarse bands
 * (numeric: quantile bands; categorical: the four commonest levels and "other"; missing its own
 * band), a lightly penalised logistic regression on those bands, and its coefficients turned into
 * whole points — 5 points double the odds, the lowest-risk band of each feature scores 0. The total
 * maps to a probability by a logistic fit of the labels on the total (a value never seen in
 * training scores 0 points).
 */
import { z } from 'zod';
import type { FeatureColumn } from '../features/feature-column.ts';
import { encodeColumn, learnShape, shapeCells } from '../features/feature-handlers.ts';
import { fitPlatt } from '../calibration/platt-scaling.ts';
import { fitCells } from '../fit/fit-cells.ts';
import { allRows } from '../fit/sparse-design.ts';
import { FeatureShapeSchema, type FeatureShape } from '../model/model-schema.ts';
import { sigmoid } from '../numerics/logistic.ts';
import { informationValue } from './information-value.ts';

export const POINTS_TO_DOUBLE_ODDS = 5;

export const PointsScorecardSchema = z.object({
  pointsToDoubleOdds: z.number(),
  features: z.array(z.object({
    name: z.string(),
    informationValue: z.number(),
    shape: FeatureShapeSchema,
    /** Points per band, in the shape's cell order. */
    points: z.array(z.number().int()),
    bands: z.array(z.string()),
  })),
  /** probability = σ(intercept + slope × total points). */
  calibration: z.object({ intercept: z.number(), slope: z.number() }),
});
export type PointsScorecard = z.infer<typeof PointsScorecardSchema>;

/** Builds the scorecard from the `maxFeatures` strongest features. */
export function fitPointsScorecard(features: readonly FeatureColumn[], labels: Uint8Array, maxFeatures = 5): PointsScorecard {
  const rows = allRows(labels.length);
  const coarse = { maxBins: 5, minCellCount: Math.max(10, Math.ceil(labels.length * 0.02)), maxLevels: 4 };
  const ranked = features
    .map((column) => {
      const shape: FeatureShape = learnShape(column, rows, coarse);
      const codes = encodeColumn(shape, column);
      return { column, shape, codes, iv: informationValue(codes, labels, shapeCells(shape).length) };
    })
    .sort((a, b) => b.iv - a.iv)
    .slice(0, maxFeatures);
  const data = {
    layout: { cells: ranked.map((r) => shapeCells(r.shape).length), ordered: ranked.map(() => 0) },
    codes: ranked.map((r) => r.codes),
    labels,
    monotone: ranked.map(() => 'none' as const),
    cellCounts: ranked.map((r) => shapeCells(r.shape).map((cell) => cell.count)),
  };
  const fit = fitCells(data, rows, 100);
  const factor = POINTS_TO_DOUBLE_ODDS / Math.LN2;
  const scored = ranked.map((r, f) => {
    const cells = fit.cells[f]!;
    const counts = data.cellCounts[f]!;
    const lowest = Math.min(...Array.from(cells).filter((_, j) => counts[j]! > 0));
    const points = Array.from(cells, (beta, j) => (counts[j]! > 0 ? Math.round((beta - lowest) * factor) : 0));
    return { name: r.column.name, informationValue: r.iv, shape: r.shape, points, bands: shapeCells(r.shape).map((c) => c.label) };
  });
  const totals = totalPoints(scored, ranked.map((r) => r.codes), labels.length);
  const map = fitPlatt(totals, labels);
  return { pointsToDoubleOdds: POINTS_TO_DOUBLE_ODDS, features: scored, calibration: map };
}

/** Each row's total points and probability. */
export function scorecardProbabilities(card: PointsScorecard, features: readonly FeatureColumn[]): { points: Float64Array; probability: Float64Array } {
  const byName = new Map(features.map((column) => [column.name, column]));
  const codes = card.features.map((feature) => {
    const column = byName.get(feature.name);
    if (!column) throw new Error(`the data lacks the scorecard's feature column "${feature.name}"`);
    return encodeColumn(feature.shape, column);
  });
  const points = totalPoints(card.features, codes, features[0]?.values.length ?? 0);
  const probability = Float64Array.from(points, (total) => sigmoid(card.calibration.intercept + card.calibration.slope * total));
  return { points, probability };
}

function totalPoints(features: ReadonlyArray<{ points: number[] }>, codes: readonly Int32Array[], n: number): Float64Array {
  const totals = new Float64Array(n);
  features.forEach((feature, f) => {
    const code = codes[f]!;
    for (let i = 0; i < n; i++) if (code[i]! >= 0) totals[i]! += feature.points[code[i]!]!;
  });
  return totals;
}
