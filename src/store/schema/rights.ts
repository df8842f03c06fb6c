/**
 * People's rights as data: an objection takes a person out of scoring and the worklist; a dispute
 * (rectification) takes one source record out of factors and scores until its agency resolves it.
 */
import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sourceRecords } from './foundation.ts';
import { persons } from './linkage.ts';

/** A person's objection to processing for this purpose; `active` until withdrawn. */
export const objections = pgTable('objections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  status: text('status').$type<'active' | 'withdrawn'>().notNull().default('active'),
  reason: text('reason').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('objections_person').on(t.personId)]);

/** A dispute about a source record; `open` until the source agency upholds or rejects it. */
export const disputes = pgTable('disputes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sourceRecordId: bigint('source_record_id', { mode: 'number' }).notNull()
    .references(() => sourceRecords.id, { onDelete: 'cascade' }),
  status: text('status').$type<'open' | 'upheld' | 'rejected'>().notNull().default('open'),
  reason: text('reason').notNull(),
  raisedBy: text('raised_by').notNull(),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedBy: text('resolved_by'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  outcome: text('outcome'),
}, (t) => [index('disputes_record').on(t.sourceRecordId)]);

export type Objection = typeof objections.$inferSelect;
export type Dispute = typeof disputes.$inferSelect;
