/**
 * The fairness audit report, as printed and written by `tributary model audit --out` and included in
 * the model card. Keys are snake_case. A metric that is undefined for a group (FPR with no
 * negatives, PPV with nobody selected, AUC with one class) is null, with a note saying why.
 */
import { z } from 'zod';
import { CalibrationBinSchema } from '../evaluation/evaluation-schema.ts';

/** The metrics compared against the reference group (differences and ratios). */
export const COMPARED_METRICS = ['base_rate', 'selection_rate', 'fpr', 'fnr', 'ppv', 'auc'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];
/** The compared metrics that are flagged when they differ too much (a base rate is not the model's doing). */
export const FLAGGED_METRICS = ['selection_rate', 'fpr', 'fnr', 'ppv', 'auc'] as const;

const rate = z.number().nullable();

export const GroupReportSchema = z.object({
  group: z.string(),
  n: z.number().int(),
  positives: z.number().int(),
  negatives: z.number().int(),
  selected: z.number().int(),
  base_rate: z.number(),
  selection_rate: z.number(),
  /** False positives / negatives. */
  fpr: rate,
  /** False negatives / positives. */
  fnr: rate,
  /** True positives / selected. */
  ppv: rate,
  auc: rate,
  /** Mean score, and mean score − base rate, when the scores are probabilities (else null). */
  mean_score: rate,
  calibration_gap: rate,
  /**
   * Observed over expected outcomes (positives / Σ scores) with a 95% interval (log scale, Poisson),
   * when the scores are probabilities: above 1, the group's recorded outcomes exceed what its scores
   * predict — the signature of an outcome recorded more often for the group (or of a missing cause).
   */
  observed_expected: rate.default(null),
  observed_expected_low: rate.default(null),
  observed_expected_high: rate.default(null),
  /** Calibration curve on bins shared by every group (the deciles of all scores), or null. */
  calibration: z.array(CalibrationBinSchema).nullable(),
  is_reference: z.boolean(),
  /** Below the minimum group size: reported, never flagged. */
  small_group: z.boolean(),
  diff_base_rate: rate, ratio_base_rate: rate,
  diff_selection_rate: rate, ratio_selection_rate: rate,
  diff_fpr: rate, ratio_fpr: rate,
  diff_fnr: rate, ratio_fnr: rate,
  diff_ppv: rate, ratio_ppv: rate,
  diff_auc: rate, ratio_auc: rate,
  /** Which comparisons are outside the thresholds, e.g. "ratio_fpr", "diff_selection_rate", "calibration_gap". */
  flags: z.array(z.string()),
  notes: z.array(z.string()),
});
export type GroupReport = z.infer<typeof GroupReportSchema>;

export const AuditThresholdsSchema = z.object({
  min_ratio: z.number().default(0.8),
  max_ratio: z.number().default(1.25),
  max_difference: z.number().default(0.1),
  max_calibration_gap: z.number().default(0.05),
  min_group_size: z.number().int().min(1).default(30),
});
export type AuditThresholds = z.output<typeof AuditThresholdsSchema>;

export const CriterionStatusSchema = z.enum(['holds', 'violated', 'not_applicable']);

export const TradeoffsSchema = z.object({
  base_rates_differ: z.boolean(),
  criteria: z.object({
    calibration_within_groups: CriterionStatusSchema,
    equal_fpr: CriterionStatusSchema,
    equal_fnr: CriterionStatusSchema,
    predictive_parity: CriterionStatusSchema,
    demographic_parity: CriterionStatusSchema,
  }),
  explanation: z.array(z.string()),
});
export type Tradeoffs = z.infer<typeof TradeoffsSchema>;

export const AuditReportSchema = z.object({
  group_column: z.string(),
  threshold: z.number(),
  n: z.number().int(),
  scores_are_probabilities: z.boolean(),
  reference_group: z.string(),
  thresholds: AuditThresholdsSchema,
  /** How a numeric group column was banded, or null. */
  banding: z.object({ edges: z.array(z.number()), labels: z.array(z.string()) }).nullable(),
  /** The groups, largest first (object keys that look like integers lose their order in JSON). */
  group_order: z.array(z.string()),
  /** One entry per group, keyed by the group's value. */
  groups: z.record(z.string(), GroupReportSchema),
  tradeoffs: TradeoffsSchema,
  warnings: z.array(z.string()),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** How strongly the model's features predict a protected attribute (see `proxyCheck`). */
export const ProxyCheckSchema = z.object({
  attribute: z.string(),
  /** Held-out AUC of predicting membership of each group from the features (one-vs-rest). */
  groups: z.array(z.object({ group: z.string(), auc: z.number().nullable() })),
  max_auc: z.number().nullable(),
  /** Features by Cramér's V with the attribute, strongest first. */
  features: z.array(z.object({ feature: z.string(), cramers_v: z.number() })),
  interpretation: z.string(),
});
export type ProxyCheck = z.infer<typeof ProxyCheckSchema>;

/** `fairness.json`: one audit per protected attribute of a fitted model, on its held-out rows. */
export const ModelFairnessSchema = z.array(z.object({
  attribute: z.string(),
  /** Share of held-out rows selected at the audit threshold. */
  selection_share: z.number(),
  audit: AuditReportSchema,
  proxy: ProxyCheckSchema,
}));
export type ModelFairness = z.infer<typeof ModelFairnessSchema>;
