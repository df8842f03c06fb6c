/**
 * A trained model, saved as JSON and reusable (`--model FILE`): the spec it was trained for
 * (and its hash), the prior, and m and u for every comparison level, with where each came from.
 */
import { z } from 'zod';
import { LinkageSpecSchema } from '../spec/linkage-spec-schema.ts';

export const MODEL_FORMAT = 'tributary.link-model';

export const LevelParamsSchema = z.object({
  label: z.string(),
  kind: z.string(),
  /** P(level | match); null for the missing-value level, which carries no evidence. */
  m: z.number().min(0).max(1).nullable(),
  /** P(level | non-match). */
  u: z.number().min(0).max(1).nullable(),
  m_source: z.enum(['em', 'default', 'none']),
  u_source: z.enum(['random_sample', 'term_frequency', 'default', 'none']),
}).strict();

export const ComparisonParamsSchema = z.object({
  name: z.string(),
  levels: z.array(LevelParamsSchema),
}).strict();

export const SessionSummarySchema = z.object({
  rule: z.string(),
  pairs: z.number(),
  sample_fraction: z.number(),
  iterations: z.number(),
  converged: z.boolean(),
  lambda: z.number(),
  fixed: z.array(z.string()),
}).strict();

export const TrainedModelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  model_version: z.literal(1),
  spec: LinkageSpecSchema,
  spec_hash: z.string(),
  seed: z.number().int(),
  prior: z.object({
    lambda: z.number().gt(0).lt(1),
    deterministic_pairs: z.number(),
    total_comparisons: z.number(),
  }).strict(),
  comparisons: z.array(ComparisonParamsSchema),
  training: z.object({ u_pairs: z.number(), sessions: z.array(SessionSummarySchema) }).strict(),
  warnings: z.array(z.string()),
}).strict();

export type LevelParams = z.infer<typeof LevelParamsSchema>;
export type ComparisonParams = z.infer<typeof ComparisonParamsSchema>;
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export type TrainedModel = z.infer<typeof TrainedModelSchema>;
