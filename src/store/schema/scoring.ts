/**
 * Factors, model versions and scores: what the indicators and score stages write, keyed by person
 * and as-of date, always with the evidence or contributions that explain them.
 */
import {
  bigserial, date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { persons } from './linkage.ts';

/** A risk factor present for a person as of a date, with the events that evidence it. */
export const factorInstances = pgTable('factor_instances', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  factor: text('factor').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  firstSeen: date('first_seen', { mode: 'string' }).notNull(),
  lastSeen: date('last_seen', { mode: 'string' }).notNull(),
  /** [{ eventId, sourceRecordId, agencyId, datasetId, code, occurredOn, via? }] */
  evidence: jsonb('evidence').$type<Array<Record<string, unknown>>>().notNull(),
}, (t) => [
  uniqueIndex('factor_instances_once').on(t.personId, t.factor, t.asOf),
  index('factor_instances_as_of').on(t.asOf, t.factor),
]);

/** A fitted model version: draft → approved (by the governance lead, with a justification) → retired. */
export const modelVersions = pgTable('model_versions', {
  id: text('id').primaryKey(),
  status: text('status').$type<'draft' | 'approved' | 'retired'>().notNull().default('draft'),
  demo: text('demo'),
  trainingFingerprint: text('training_fingerprint').notNull(),
  features: jsonb('features').$type<string[]>().notNull(),
  model: jsonb('model').notNull(),
  evaluation: jsonb('evaluation').notNull(),
  fairness: jsonb('fairness').notNull(),
  card: text('card').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: text('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  justification: text('justification'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  retiredBy: text('retired_by'),
  retiredReason: text('retired_reason'),
  /** The governance lead's answer to each fairness flag (flag key → how it is addressed). */
  fairnessResponses: jsonb('fairness_responses').$type<Record<string, string>>(),
});

/** A person's score from one approved model version as of a date, with its contributions. */
export const scores = pgTable('scores', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  modelVersionId: text('model_version_id').notNull().references(() => modelVersions.id),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  probability: doublePrecision('probability').notNull(),
  intercept: doublePrecision('intercept').notNull(),
  contributions: jsonb('contributions').$type<Record<string, number>>().notNull(),
  scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('scores_once').on(t.personId, t.modelVersionId, t.asOf),
  index('scores_as_of').on(t.asOf, t.probability),
]);

export type FactorInstance = typeof factorInstances.$inferSelect;
export type ModelVersion = typeof modelVersions.$inferSelect;
export type Score = typeof scores.$inferSelect;
