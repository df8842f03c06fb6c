/**
 * The worklist's read model: one row per person with risk factors at the latest as-of date, with what
 * the worklist sorts and filters on (score, factors, age band, school, the team their area maps to).
 * Derived from factors, scores and records by `refreshWorklist` whenever its fingerprint changes, so
 * that a page of the worklist is an indexed query whatever the size of the town. Objections and
 * allocations are applied live when it is read.
 */
import { date, doublePrecision, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { persons } from './linkage.ts';

export const worklistEntries = pgTable('worklist_entries', {
  personId: text('person_id').primaryKey().references(() => persons.id, { onDelete: 'cascade' }),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  factors: text('factors').array().notNull(),
  factorCount: integer('factor_count').notNull(),
  changedOn: date('changed_on', { mode: 'string' }).notNull(),
  probability: doublePrecision('probability'),
  givenName: text('given_name'),
  familyName: text('family_name'),
  age: integer('age'),
  ageBand: text('age_band'),
  school: text('school'),
  district: text('district'),
  /** The team whose schools or localities include the person (before any allocation). */
  areaTeam: text('area_team'),
}, (t) => [
  index('worklist_entries_priority').on(t.probability.desc().nullsLast(), t.factorCount.desc(), t.changedOn.desc(), t.personId),
  index('worklist_entries_newest').on(t.changedOn.desc(), t.factorCount.desc(), t.personId),
  index('worklist_entries_area_team').on(t.areaTeam),
]);

/** One row: the fingerprint of the inputs the entries were derived from, and the filters' choices. */
export const worklistState = pgTable('worklist_state', {
  id: integer('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  asOf: date('as_of', { mode: 'string' }),
  factors: text('factors').array().notNull(),
  schools: text('schools').array().notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
});

export type WorklistEntry = typeof worklistEntries.$inferSelect;
