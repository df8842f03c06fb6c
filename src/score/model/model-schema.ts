/**
 * The fitted model as a plain JSON object (`model.json`), written once here as Zod schemas; every
 * type is inferred from them. A fitted model is data: it can be stored, versioned and approved.
 *
 * Every score is `intercept + Σ contribution(feature)`: each feature contributes the value of the
 * cell (bin or level) its value falls in. Contributions are centred on the training rows, so the
 * intercept is the mean training logit and a contribution says how far a value moves the log-odds
 * from average. A value never seen in training (an unseen level, a missing value where training had
 * none) contributes 0.
 */
import { z } from 'zod';

const Cell = z.object({
  /** Training rows in the cell. */
  count: z.number().int().nonnegative(),
  /** Log-odds contribution of a value in the cell. */
  contribution: z.number(),
});

export const MonotoneSchema = z.enum(['none', 'increasing', 'decreasing']);
export type Monotone = z.infer<typeof MonotoneSchema>;

/** A numeric feature: quantile bins (`x ≤ edges[j]` falls in bin j, above the last edge in the last bin). */
export const NumericShapeSchema = z.object({
  kind: z.literal('numeric'),
  name: z.string().min(1),
  edges: z.array(z.number()),
  monotone: MonotoneSchema,
  /** One more bin than edges; `min`/`max` are the training values seen in the bin. */
  bins: z.array(Cell.extend({ min: z.number(), max: z.number() })),
  missing: Cell,
});

/** A categorical feature: one level per common value, rare values pooled into `other`. */
export const CategoricalShapeSchema = z.object({
  kind: z.literal('categorical'),
  name: z.string().min(1),
  levels: z.array(Cell.extend({ value: z.string() })),
  /** The pooled rare values seen in training, or null when no value was rare. */
  other: Cell.extend({ values: z.array(z.string()) }).nullable(),
  missing: Cell,
});

/** A 0/1 feature. */
export const BinaryShapeSchema = z.object({
  kind: z.literal('binary'),
  name: z.string().min(1),
  zero: Cell,
  one: Cell,
  missing: Cell,
});

export const FeatureShapeSchema = z.discriminatedUnion('kind', [
  NumericShapeSchema, CategoricalShapeSchema, BinaryShapeSchema,
]);
export type FeatureShape = z.infer<typeof FeatureShapeSchema>;
export type FeatureKind = FeatureShape['kind'];
export type ShapeOf<K extends FeatureKind> = Extract<FeatureShape, { kind: K }>;

/** How the fitted logit was recalibrated; Platt's map is already folded into the shapes. */
export const CalibrationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('platt'),
    /** calibrated logit = intercept + slope × raw logit, fitted on out-of-fold predictions. */
    slope: z.number(),
    intercept: z.number(),
    rows: z.number().int().nonnegative(),
  }),
]);
export type Calibration = z.infer<typeof CalibrationSchema>;

export const TrainingSummarySchema = z.object({
  rows: z.number().int().positive(),
  positives: z.number().int().nonnegative(),
  baseRate: z.number(),
  /** The chosen penalty strength and the cross-validated log-loss of every candidate. */
  lambda: z.number().positive(),
  crossValidation: z.object({
    folds: z.number().int(),
    rows: z.number().int(),
    candidates: z.array(z.object({ lambda: z.number(), logLoss: z.number() })),
  }).nullable(),
  maxBins: z.number().int().positive(),
  minCellCount: z.number().int().positive(),
  seed: z.number().int(),
});

export const AdditiveModelSchema = z.object({
  format: z.literal('tributary.additive-model'),
  version: z.literal(1),
  label: z.string().min(1),
  link: z.literal('logit'),
  intercept: z.number(),
  features: z.array(FeatureShapeSchema),
  calibration: CalibrationSchema,
  training: TrainingSummarySchema,
  /** SHA-256 of the training rows as read (label and features), to tell versions apart. */
  trainingFingerprint: z.string(),
  fittedAt: z.string(),
});
export type AdditiveModel = z.infer<typeof AdditiveModelSchema>;
