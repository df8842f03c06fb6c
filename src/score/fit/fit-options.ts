/** Options of an additive-model fit, validated once (Zod) with their defaults. */
import { z } from 'zod';

export const DEFAULT_LAMBDA_GRID = [0.1, 1, 10, 100, 1000, 10000];

export const FitOptionsSchema = z.object({
  /** Name of the label, recorded in the model. */
  label: z.string().min(1).default('label'),
  maxBins: z.number().int().min(2).max(256).default(24),
  minCellCount: z.number().int().min(1).default(10),
  maxLevels: z.number().int().min(1).default(64),
  folds: z.number().int().min(2).max(20).default(5),
  /** Candidate penalty strengths for cross-validation. */
  lambdaGrid: z.array(z.number().positive()).min(1).default(DEFAULT_LAMBDA_GRID),
  /** A fixed penalty strength (skips the search; folds still give out-of-fold logits for calibration). */
  lambda: z.number().positive().optional(),
  /** Most rows cross-validation runs on (a seeded sample of the training rows). */
  cvMaxRows: z.number().int().min(100).default(100_000),
  /** Per numeric feature name: its shape must be increasing or decreasing. */
  monotone: z.record(z.string(), z.enum(['increasing', 'decreasing'])).default({}),
  calibration: z.enum(['platt', 'none']).default('platt'),
  seed: z.number().int().default(1),
  /** Recorded as `fittedAt`; defaults to now. */
  fittedAt: z.string().optional(),
  /** Recorded as `trainingFingerprint`; defaults to a SHA-256 of the labels and feature values. */
  fingerprint: z.string().optional(),
});

export type FitOptions = z.input<typeof FitOptionsSchema>;
export type ResolvedFitOptions = z.output<typeof FitOptionsSchema>;
