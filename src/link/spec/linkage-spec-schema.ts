/**
 * The linkage spec (JSON or YAML, versioned): what to compare and how, which pairs to consider,
 * how to train without labels, and the thresholds that turn probabilities into decisions.
 */
import { z } from 'zod';
import { LevelSchema } from '../levels/level-schema.ts';
import { BlockingRuleSchema } from './blocking-rule-schema.ts';

export const LINK_TYPES = ['dedupe', 'link', 'link_and_dedupe'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const SPEC_VERSION = 1;

export const ComparisonSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores'),
  levels: z.array(LevelSchema).min(2),
}).strict().refine((c) => c.levels.at(-1)?.kind === 'else', {
  message: 'the last level of a comparison must be `else`',
}).refine((c) => c.levels.filter((l) => l.kind === 'null').length <= 1 && c.levels.findIndex((l) => l.kind === 'null') <= 0, {
  message: 'a comparison may have one `null` level, and only first',
});

export const TrainingSchema = z.object({
  /** Each rule is one EM session; comparisons on its columns keep their m fixed in that session. */
  blocking_rules: z.array(BlockingRuleSchema).min(1),
  /** Pairs these rules find are taken as matches to estimate the prior (λ). */
  deterministic_rules: z.array(BlockingRuleSchema).min(1),
  /** The share of true matches the deterministic rules are expected to find. */
  deterministic_recall: z.number().gt(0).lte(1).default(0.8),
  u_max_pairs: z.number().int().min(1000).default(250_000),
  max_pairs_per_session: z.number().int().min(1000).default(2_000_000),
  em_max_iterations: z.number().int().min(1).default(25),
  em_tolerance: z.number().gt(0).default(1e-4),
}).strict();

export const ThresholdsSchema = z.object({
  /** Match probability at or above which a pair links records into one cluster. */
  match: z.number().gt(0).lt(1).default(0.9),
  /** Pairs with probability in [review_floor, review_ceiling) go to clerical review. */
  review_floor: z.number().min(0).lt(1).default(0.5),
  review_ceiling: z.number().gt(0).lt(1).default(0.99),
}).strict().refine((t) => t.review_floor <= t.review_ceiling, { message: 'review_floor must not exceed review_ceiling' });

export const StrongIdSchema = z.object({
  column: z.string().min(1),
  /** Values this many edits apart or fewer are taken as one identifier mis-keyed, not a conflict. */
  max_edits: z.number().int().min(0).default(0),
  /**
   * `date`: the column holds ISO dates (a date of birth); besides `max_edits`, two dates with day
   * and month transposed or within 31 days of each other are not a conflict.
   */
  kind: z.enum(['identifier', 'date']).default('identifier'),
}).strict();

export const ClusteringSchema = z.object({
  /** Records carrying conflicting values of these are never merged into one cluster. */
  strong_ids: z.array(StrongIdSchema).default([]),
  /** A cluster link this many bits (match weight) below the median of its cluster's others is cut. */
  split_gap: z.number().gt(0).default(15),
  /**
   * Minimum evidence: a link must agree (a level with positive weight) on some comparison not
   * named here. Name the name comparisons, so that records agreeing on names alone (a parent named
   * on a child's record, with no date of birth) never link on their names only.
   */
  names_only: z.array(z.string().min(1)).default([]),
  /**
   * Bits added to a pair of records that are each recorded as related to the same person (two
   * agencies naming the same parent of one child) and agree on every name comparison; such a
   * pair needs no other evidence.
   */
  relation_weight: z.number().min(0).default(10),
  /**
   * Name comparisons that tell apart two people recorded as related to the same person: two
   * records related to one person (first pass) that disagree on any of these (a level with
   * negative weight) are two people, never one cluster — a child's mother and father, or a parent
   * and an older brother, share a family name and an address but not a given name.
   */
  relative_names: z.array(z.string().min(1)).default([]),
}).strict();

export const LinkageSpecSchema = z.object({
  version: z.literal(SPEC_VERSION),
  link_type: z.enum(LINK_TYPES),
  comparisons: z.array(ComparisonSchema).min(1),
  blocking_rules: z.array(BlockingRuleSchema).min(1),
  training: TrainingSchema,
  thresholds: ThresholdsSchema.default({ match: 0.9, review_floor: 0.5, review_ceiling: 0.99 }),
  clustering: ClusteringSchema.default({ strong_ids: [], split_gap: 15, names_only: [], relation_weight: 10, relative_names: [] }),
}).strict().superRefine((spec, ctx) => {
  const names = spec.comparisons.map((c) => c.name);
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'name'], message: `duplicate comparison name ${name}` });
  }
  for (const key of ['names_only', 'relative_names'] as const) {
    for (const [i, name] of spec.clustering[key].entries()) {
      if (!names.includes(name)) ctx.addIssue({ code: 'custom', path: ['clustering', key, i], message: `no comparison named ${name}` });
    }
  }
});

export type LinkageSpec = z.output<typeof LinkageSpecSchema>;
export type LinkageSpecInput = z.input<typeof LinkageSpecSchema>;
export type Comparison = z.output<typeof ComparisonSchema>;
export type Thresholds = z.output<typeof ThresholdsSchema>;
