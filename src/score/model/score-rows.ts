/**
 * Scores rows with a fitted model: each feature's contribution is the contribution of the cell its
 * value falls in (0 for a value never seen in training), the logit is the intercept plus the
 * contributions, added in feature order, and the probability is σ(logit). So
 * `intercept + Σ contributions = logit(probability)` holds by construction.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { contributionTable, encodeColumn } from '../features/feature-handlers.ts';
import { sigmoid } from '../numerics/logistic.ts';
import type { AdditiveModel } from './model-schema.ts';

export interface ScoredRows {
  logit: Float64Array;
  probability: Float64Array;
  /** Per model feature (in model order), each row's log-odds contribution. */
  contributions: Float64Array[];
  /** Per model feature, how many rows had a value never seen in training (contributing 0). */
  unseen: number[];
}

/** Scores every row of `columns` (matched to the model's features by name). */
export function scoreRows(model: AdditiveModel, columns: readonly FeatureColumn[]): ScoredRows {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const missing = model.features.filter((shape) => !byName.has(shape.name)).map((shape) => shape.name);
  if (missing.length > 0) {
    throw new Error(`the data lacks the model's feature column(s) ${missing.map((m) => `"${m}"`).join(', ')}; available: ${[...byName.keys()].join(', ')}`);
  }
  const n = model.features.length === 0 ? (columns[0]?.values.length ?? 0) : byName.get(model.features[0]!.name)!.values.length;
  const logit = new Float64Array(n).fill(model.intercept);
  const unseen: number[] = [];
  const contributions = model.features.map((shape) => {
    const codes = encodeColumn(shape, byName.get(shape.name)!);
    const table = contributionTable(shape);
    const values = new Float64Array(n);
    let never = 0;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      if (code < 0) never++;
      const value = code < 0 ? 0 : table[code]!;
      values[i] = value;
      logit[i]! += value;
    }
    unseen.push(never);
    return values;
  });
  const probability = Float64Array.from(logit, sigmoid);
  return { logit, probability, contributions, unseen };
}
