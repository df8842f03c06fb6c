/**
 * Risk-factor definitions are data (`config/factors.yaml`): which event codes evidence a factor,
 * over which look-back window, with which conditions on the event value, how many are needed,
 * and whose events count (the person's own, or relatives' through the relationship graph).
 */
import { z } from 'zod';
// The canonical vocabulary, imported from its leaf module: the ingest index would load every adapter.
import { EVENT_CODES, RELATIONSHIP_KINDS } from '../ingest/mapping-schema.ts';

/** Relationship kinds walked one way (`from` is the parent or carer of `to`) or both ways. */
export const RELATION_DIRECTION = {
  parent_of: 'directed',
  carer_of: 'directed',
  sibling_of: 'symmetric',
  household_member: 'symmetric',
} as const satisfies Record<(typeof RELATIONSHIP_KINDS)[number], 'directed' | 'symmetric'>;

/** Column names of the feature table a factor id may not take. */
export const RESERVED_FACTOR_IDS = ['person_id', 'as_of', 'age', 'label'] as const;

/** Conditions on an event's `value`, all of which must hold (numeric tests skip non-numeric values). */
export const ValueConditionSchema = z.object({
  lt: z.number().optional(),
  lte: z.number().optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  equals: z.string().optional(),
  in: z.array(z.string()).min(1).optional(),
}).strict().refine((c) => Object.values(c).some((v) => v !== undefined), {
  message: 'give at least one of lt, lte, gt, gte, equals, in',
});

const SelfSubjectSchema = z.object({ kind: z.literal('self') }).strict();
const FamilySubjectSchema = z.object({
  kind: z.literal('family'),
  /** Relationships to walk: `parent_of` means a parent's event counts for the child. */
  relations: z.array(z.enum(RELATIONSHIP_KINDS)).min(1),
  /** Count the person's own events too (a homelessness application made by the child or the household). */
  include_self: z.boolean().default(false),
}).strict();

/** Whose events count: `self` (shorthand for `{ kind: self }`) or `{ kind: family, relations: [...] }`. */
export const SubjectSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { kind: v } : v),
  z.discriminatedUnion('kind', [SelfSubjectSchema, FamilySubjectSchema]),
);

export const FactorDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case: lower-case letters, digits and underscores'),
  label: z.string().min(1),
  description: z.string().min(1),
  /** `core`: the documented risk factors; `extra`: what a partnership configures. */
  group: z.enum(['core', 'extra']).default('extra'),
  enabled: z.boolean().default(true),
  subject: SubjectSchema,
  events: z.array(z.enum(EVENT_CODES)).min(1),
  lookback_months: z.number().int().positive().max(240),
  value: ValueConditionSchema.optional(),
  /** Distinct evidence events (code, date, relative) needed in the window. */
  min_count: z.number().int().positive().default(1),
  /** Where the evidence that this is a risk factor comes from. */
  source: z.string().optional(),
}).strict();

/**
 * When something loaded into the store counts as known on a date: `batch` — only if its ingest
 * batch started on or before it (strict; right for live runs); `batch_or_activity` — also if the
 * record (or, for a relationship, a record at either end) has an event recorded on or before it
 * (lets history loaded today be evaluated as of past dates).
 */
export const KNOWN_FROM = ['batch', 'batch_or_activity'] as const;

export const FactorConfigSchema = z.object({
  version: z.literal(1),
  /** The young people factors are evaluated for: age in whole years at the as-of date. */
  population: z.object({
    min_age: z.number().int().min(0).max(120),
    max_age: z.number().int().min(0).max(120),
  }).strict().refine((p) => p.min_age <= p.max_age, { message: 'min_age must not exceed max_age' })
    .default({ min_age: 10, max_age: 17 }),
  known_from: z.enum(KNOWN_FROM).default('batch_or_activity'),
  /**
   * Event codes that start a spell, with the `detail` keys (the datasets' column names) that may
   * hold its end date (YYYY-MM-DD or DD/MM/YYYY): the spell counts in a window while it lasts.
   */
  episodes: z.partialRecord(z.enum(EVENT_CODES), z.array(z.string().min(1)).min(1)).default({}),
  factors: z.array(FactorDefinitionSchema).min(1),
}).strict().superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.factors.forEach((factor, i) => {
    if (seen.has(factor.id)) ctx.addIssue({ code: 'custom', path: ['factors', i, 'id'], message: `duplicate factor id "${factor.id}"` });
    seen.add(factor.id);
    if ((RESERVED_FACTOR_IDS as readonly string[]).includes(factor.id) || factor.id.endsWith('_count')) {
      ctx.addIssue({ code: 'custom', path: ['factors', i, 'id'], message: `"${factor.id}" is reserved for a feature-table column` });
    }
  });
});

export type ValueCondition = z.infer<typeof ValueConditionSchema>;
export type Subject = z.infer<typeof SubjectSchema>;
export type FactorDefinition = z.infer<typeof FactorDefinitionSchema>;
export type FactorConfig = z.infer<typeof FactorConfigSchema>;
export type KnownFrom = (typeof KNOWN_FROM)[number];
