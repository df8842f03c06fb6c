/**
 * The held-out evaluation of a score, as written to `evaluation.json` and the model card. Report
 * keys are snake_case, like the audit report's. Undefined metrics (an AUC with one class) are null.
 */
import { z } from 'zod';

export const AucEstimateSchema = z.object({
  auc: z.number(),
  ci_low: z.number(),
  ci_high: z.number(),
  se: z.number(),
  method: z.literal('delong'),
});
export type AucEstimate = z.infer<typeof AucEstimateSchema>;

export const CalibrationBinSchema = z.object({
  bin: z.number().int(),
  n: z.number().int(),
  mean_predicted: z.number(),
  observed_rate: z.number(),
  min_predicted: z.number(),
  max_predicted: z.number(),
});
export type CalibrationBin = z.infer<typeof CalibrationBinSchema>;

export const LiftDecileSchema = z.object({
  decile: z.number().int(),
  n: z.number().int(),
  positives: z.number().int(),
  rate: z.number(),
  lift: z.number().nullable(),
  cumulative_capture: z.number().nullable(),
  min_score: z.number(),
  max_score: z.number(),
});
export type LiftDecile = z.infer<typeof LiftDecileSchema>;

export const ScoreEvaluationSchema = z.object({
  n: z.number().int(),
  positives: z.number().int(),
  base_rate: z.number(),
  auc: AucEstimateSchema.nullable(),
  brier: z.number(),
  log_loss: z.number(),
  mean_predicted: z.number(),
  /** Expected calibration error: Σ (n_bin / n) |mean predicted − observed| over the curve's bins. */
  ece: z.number(),
  calibration: z.array(CalibrationBinSchema),
  lift: z.array(LiftDecileSchema),
});
export type ScoreEvaluation = z.infer<typeof ScoreEvaluationSchema>;

export const CalibrationMethodResultSchema = z.object({
  method: z.enum(['none', 'platt', 'isotonic']),
  brier: z.number(),
  log_loss: z.number(),
  ece: z.number(),
});

/** `evaluation.json`: the model and its baselines on the same held-out rows. */
export const EvaluationReportSchema = z.object({
  split: z.string(),
  train_rows: z.number().int(),
  test_rows: z.number().int(),
  model: ScoreEvaluationSchema,
  logistic_regression: ScoreEvaluationSchema,
  scorecard: ScoreEvaluationSchema,
  /** The model's held-out scores before calibration, with Platt (shipped) and isotonic (diagnostic). */
  calibration_comparison: z.array(CalibrationMethodResultSchema),
});
export type EvaluationReport = z.infer<typeof EvaluationReportSchema>;
