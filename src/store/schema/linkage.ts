/**
 * The link stage's tables: persons with stable ids, which source records belong to each,
 * the scored pairs of a run, clerical review items and the merges/splits between runs.
 */
import {
  bigint, bigserial, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sourceRecords } from './foundation.ts';

/** One linkage run: the spec and trained model it used, and what it measured. */
export const linkRuns = pgTable('link_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').$type<'full' | 'incremental'>().notNull(),
  spec: jsonb('spec').notNull(),
  specHash: text('spec_hash').notNull(),
  model: jsonb('model'),
  threshold: doublePrecision('threshold').notNull(),
  metrics: jsonb('metrics').$type<Record<string, unknown>>(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A person: the stable id cases and scores hang on. `merged_into` is set when two persons became one. */
export const persons = pgTable('persons', {
  id: text('id').primaryKey(),
  status: text('status').$type<'active' | 'merged' | 'retired'>().notNull().default('active'),
  mergedInto: text('merged_into'),
  createdRunId: bigint('created_run_id', { mode: 'number' }).references(() => linkRuns.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which person each source record belongs to, with the confidence of its weakest link into the cluster. */
export const personRecords = pgTable('person_records', {
  sourceRecordId: bigint('source_record_id', { mode: 'number' }).primaryKey()
    .references(() => sourceRecords.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => persons.id),
  matchProbability: doublePrecision('match_probability'),
  runId: bigint('run_id', { mode: 'number' }).notNull().references(() => linkRuns.id),
}, (t) => [index('person_records_person').on(t.personId)]);

/**
 * A scored candidate pair kept from a run (above the review floor), for explanation and review.
 * No foreign keys (migration 0009): a run writes its links in the transaction that writes every one
 * of its records' `person_records` rows, whose key to `source_records` is checked, so a link cannot
 * name a record that is gone; retention deletes a record's links itself. The three per-row checks
 * were four fifths of writing 360k links into PGlite (21.8 → 4.7 s on the 20k demo town).
 */
export const recordLinks = pgTable('record_links', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  runId: bigint('run_id', { mode: 'number' }).notNull(),
  recordL: bigint('record_l', { mode: 'number' }).notNull(),
  recordR: bigint('record_r', { mode: 'number' }).notNull(),
  matchWeight: doublePrecision('match_weight').notNull(),
  matchProbability: doublePrecision('match_probability').notNull(),
  comparison: jsonb('comparison').$type<Record<string, number>>(),
}, (t) => [
  uniqueIndex('record_links_pair').on(t.runId, t.recordL, t.recordR),
  index('record_links_r').on(t.recordR),
]);

/** A pair in the uncertain band, waiting for (or carrying) an analyst's clerical decision. */
export const reviewItems = pgTable('review_items', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  recordL: bigint('record_l', { mode: 'number' }).notNull().references(() => sourceRecords.id, { onDelete: 'cascade' }),
  recordR: bigint('record_r', { mode: 'number' }).notNull().references(() => sourceRecords.id, { onDelete: 'cascade' }),
  runId: bigint('run_id', { mode: 'number' }).notNull().references(() => linkRuns.id),
  matchWeight: doublePrecision('match_weight').notNull(),
  matchProbability: doublePrecision('match_probability').notNull(),
  status: text('status').$type<'open' | 'match' | 'non_match' | 'unsure'>().notNull().default('open'),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
}, (t) => [uniqueIndex('review_items_pair').on(t.recordL, t.recordR)]);

/** A merge or split of persons between runs, so that cases and history can follow the person. */
export const personChanges = pgTable('person_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  runId: bigint('run_id', { mode: 'number' }).notNull().references(() => linkRuns.id),
  kind: text('kind').$type<'created' | 'merged' | 'split'>().notNull(),
  fromPersons: jsonb('from_persons').$type<string[]>().notNull(),
  toPersons: jsonb('to_persons').$type<string[]>().notNull(),
  records: integer('records').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export type LinkRun = typeof linkRuns.$inferSelect;
export type Person = typeof persons.$inferSelect;
export type PersonRecord = typeof personRecords.$inferSelect;
export type RecordLink = typeof recordLinks.$inferSelect;
export type ReviewItem = typeof reviewItems.$inferSelect;
export type PersonChange = typeof personChanges.$inferSelect;
