/**
 * Casework: what practitioners do once a person is on the worklist — which team holds them,
 * the decision taken after a look (with its reason), consent, support plans from the partnership's
 * catalogue, and their outcomes. Every write is also an audit entry.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, date, doublePrecision, index, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { teams, users } from './access.ts';
import { persons } from './linkage.ts';

/** Which team (and optionally which worker) holds a person; `ended_at` is set when reallocated. */
export const allocations = pgTable('allocations', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  teamId: text('team_id').notNull().references(() => teams.id),
  workerId: text('worker_id').references(() => users.id),
  allocatedBy: text('allocated_by').notNull(),
  allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('allocations_current').on(t.personId).where(sql`ended_at IS NULL`),
  index('allocations_team').on(t.teamId).where(sql`ended_at IS NULL`),
]);

/** A practitioner's decision after looking at a person: the score opens a conversation, a person decides. */
export const decisions = pgTable('decisions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'offer_support' | 'already_supported' | 'no_action' | 'data_error'>().notNull(),
  reason: text('reason').notNull(),
  /** The score the practitioner saw, if any (model version and as-of date). */
  modelVersionId: text('model_version_id'),
  asOf: date('as_of', { mode: 'string' }),
  probability: doublePrecision('probability'),
  teamId: text('team_id'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('decisions_person').on(t.personId, t.decidedAt)]);

/** Consent to a support offer, from the young person or a parent/carer; the latest row stands. */
export const consents = pgTable('consents', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  status: text('status').$type<'given' | 'refused' | 'withdrawn'>().notNull(),
  givenBy: text('given_by').$type<'young_person' | 'parent_carer'>().notNull(),
  note: text('note'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('consents_person').on(t.personId, t.recordedAt)]);

/** A support plan: one offer from the catalogue, its goal, who leads it and when it is reviewed. */
export const supportPlans = pgTable('support_plans', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  offerId: text('offer_id').notNull(),
  goal: text('goal').notNull(),
  status: text('status').$type<'planned' | 'active' | 'completed' | 'declined' | 'closed'>().notNull().default('planned'),
  leadId: text('lead_id'),
  startOn: date('start_on', { mode: 'string' }),
  reviewOn: date('review_on', { mode: 'string' }),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_plans_person').on(t.personId)]);

/** An outcome recorded against a support plan at a review. */
export const supportOutcomes = pgTable('support_outcomes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  planId: bigint('plan_id', { mode: 'number' }).notNull().references(() => supportPlans.id, { onDelete: 'cascade' }),
  outcome: text('outcome').$type<'engaged' | 'goal_met' | 'partly_met' | 'not_met' | 'disengaged'>().notNull(),
  note: text('note'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_outcomes_plan').on(t.planId)]);

/**
 * Hub-only (privacy-preserving) mode: a practitioner with a lawful reason asks the source agency to
 * re-identify one person; the agency answers for its own record. Audited at each step.
 */
export const reidentificationRequests = pgTable('reidentification_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  sourceRecordId: bigint('source_record_id', { mode: 'number' }),
  agencyId: text('agency_id').notNull(),
  purpose: text('purpose').notNull(),
  reason: text('reason').notNull(),
  status: text('status').$type<'pending' | 'answered' | 'refused'>().notNull().default('pending'),
  requestedBy: text('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  answeredBy: text('answered_by'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  /** The agency's answer, sealed with the special-category key (never plaintext at rest). */
  answerSealed: text('answer_sealed'),
  refusal: text('refusal'),
}, (t) => [index('reidentification_requests_agency').on(t.agencyId, t.status)]);

export type Allocation = typeof allocations.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type SupportPlan = typeof supportPlans.$inferSelect;
export type SupportOutcome = typeof supportOutcomes.$inferSelect;
export type ReidentificationRequest = typeof reidentificationRequests.$inferSelect;
