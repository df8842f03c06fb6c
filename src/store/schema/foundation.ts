/**
 * The canonical model, written once: every stage reads and writes these tables.
 * Row types are inferred from here (`typeof table.$inferSelect`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, date, index, integer, json, jsonb, pgTable, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A partner agency: a school trust, the council's children's services, a police force… */
export const agencies = pgTable('agencies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sector: text('sector').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A data-sharing agreement: what an agency may send, why, under which lawful basis, for how long. */
export const agreements = pgTable('agreements', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull().references(() => agencies.id),
  dataset: text('dataset').notNull(),
  allowedFields: jsonb('allowed_fields').$type<string[]>().notNull(),
  lawfulBasis: text('lawful_basis').notNull(),
  purposes: jsonb('purposes').$type<string[]>().notNull(),
  retentionDays: integer('retention_days').notNull(),
  healthDisclosure: text('health_disclosure').notNull().default('service_contact'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  active: boolean('active').notNull().default(true),
});

/** A dataset an agency sends, with the mapping that turns its rows into canonical records. */
export const datasets = pgTable('datasets', {
  id: text('id').primaryKey(),
  agencyId: text('agency_id').notNull().references(() => agencies.id),
  format: text('format').notNull(),
  mapping: jsonb('mapping').notNull(),
  mappingHash: text('mapping_hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One file loaded into one dataset. `status` is `loading` until the last row is committed. */
export const ingestBatches = pgTable('ingest_batches', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  datasetId: text('dataset_id').notNull().references(() => datasets.id),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  status: text('status').$type<'loading' | 'complete' | 'failed'>().notNull(),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsLoaded: integer('rows_loaded').notNull().default(0),
  rowsQuarantined: integer('rows_quarantined').notNull().default(0),
  eventsLoaded: integer('events_loaded').notNull().default(0),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('ingest_batches_file_once').on(t.datasetId, t.fileSha256).where(sql`status = 'complete'`),
]);

/**
 * A record as a source system holds it: standardised identifiers in one column per role
 * (the narrow table the link stage reads), and the raw mapped values for provenance.
 * `kind` is `subject` for the person the row is about, `contact` for a parent, carer or
 * household member the source records alongside them.
 */
export const sourceRecords = pgTable('source_records', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  // dataset, agency and batch are written by ingest from the batch it has just opened (migration
  // 0008): no foreign key to check per record (the checks were two fifths of the server's time)
  datasetId: text('dataset_id').notNull(),
  agencyId: text('agency_id').notNull(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull(),
  localId: text('local_id').notNull(),
  kind: text('kind').$type<'subject' | 'contact'>().notNull().default('subject'),
  rowNumber: integer('row_number').notNull(),
  givenName: text('given_name'),
  middleNames: text('middle_names'),
  familyName: text('family_name'),
  formerFamilyNames: jsonb('former_family_names').$type<string[]>(),
  dob: date('dob', { mode: 'string' }),
  sex: text('sex'),
  postcode: text('postcode'),
  address: text('address'),
  locality: text('locality'),
  region: text('region'),
  nhsNumber: text('nhs_number'),
  upn: text('upn'),
  niNumber: text('ni_number'),
  pncId: text('pnc_id'),
  email: text('email'),
  phone: text('phone'),
  extraIds: jsonb('extra_ids').$type<Record<string, string>>(),
  attributes: jsonb('attributes').$type<Record<string, string>>(),
  // json, not jsonb (migration 0013): the row's values as the agency sent them, in their order, read
  // whole or by `->>`; the server takes json as text it checks, where jsonb is parsed into a tree,
  // its keys sorted and written again (about a tenth of the server's time a row of ingest)
  raw: json('raw').$type<Record<string, unknown>>().notNull(),
  disputed: boolean('disputed').notNull().default(false),
  /** Hub-only mode: the agency's Bloom-filter encoding (base64 CLK) instead of any identifier. */
  clk: text('clk'),
  /** Hub-only mode: keyed-hash blocking keys for the CLK. */
  blockingKeys: jsonb('blocking_keys').$type<string[]>(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // local id first: it tells two keys apart at the first column, where dataset and kind (the same for
  // a whole load) made every comparison of an insert read three columns; about 3 µs a row of ingest (migration 0012)
  uniqueIndex('source_records_local').on(t.localId, t.datasetId, t.kind),
  index('source_records_batch').on(t.batchId),
]);

/** A typed, dated fact from a source record (`school.suspension`, `police.caution`, …). */
export const events = pgTable('events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  // the record's id, written by ingest in the statement that writes the record (migration 0010): no
  // foreign key to check per event (the check was a third of the events insert); whatever deletes
  // records deletes their events itself (retention does, in the same transaction)
  sourceRecordId: bigint('source_record_id', { mode: 'number' }).notNull(),
  // dataset and batch are the source record's, written by ingest in the same statement: no foreign key to check per event
  datasetId: text('dataset_id').notNull(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull(),
  code: text('code').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  recordedOn: date('recorded_on', { mode: 'string' }),
  value: text('value'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  specialCategory: boolean('special_category').notNull().default(false),
}, (t) => [
  // one event per record, code, date and value — a NULL value included, so `ON CONFLICT DO NOTHING` alone de-duplicates
  unique('events_once').on(t.sourceRecordId, t.code, t.occurredOn, t.value).nullsNotDistinct(),
  // no index on (code, occurred_on): the readers (indicators, person page, subject access) reach events
  // through their records (events_once leads with the record), and it cost ingest ~3 µs a row (migration 0011)
]);

/** A relationship as the source system records it: `from` is the parent/carer/sibling/member of `to`. */
export const relationships = pgTable('relationships', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  // the records' dataset and batch, written by ingest in the same statement: no foreign key to check per row
  datasetId: text('dataset_id').notNull(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull(),
  fromRecordId: bigint('from_record_id', { mode: 'number' }).notNull()
    .references(() => sourceRecords.id, { onDelete: 'cascade' }),
  toRecordId: bigint('to_record_id', { mode: 'number' }).notNull()
    .references(() => sourceRecords.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'parent_of' | 'carer_of' | 'sibling_of' | 'household_member'>().notNull(),
}, (t) => [
  uniqueIndex('relationships_once').on(t.fromRecordId, t.toRecordId, t.kind),
]);

/** A row that could not be loaded, kept with the reason, the row number and the column. */
export const quarantinedRows = pgTable('quarantined_rows', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  batchId: bigint('batch_id', { mode: 'number' }).notNull().references(() => ingestBatches.id),
  datasetId: text('dataset_id').notNull().references(() => datasets.id),
  rowNumber: integer('row_number').notNull(),
  column: text('column'),
  code: text('code').notNull(),
  message: text('message').notNull(),
  raw: text('raw').notNull(),
}, (t) => [
  uniqueIndex('quarantined_rows_once').on(t.batchId, t.rowNumber),
]);

export type Agency = typeof agencies.$inferSelect;
export type Agreement = typeof agreements.$inferSelect;
export type Dataset = typeof datasets.$inferSelect;
export type IngestBatch = typeof ingestBatches.$inferSelect;
export type SourceRecord = typeof sourceRecords.$inferSelect;
export type NewSourceRecord = typeof sourceRecords.$inferInsert;
export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Relationship = typeof relationships.$inferSelect;
export type QuarantinedRow = typeof quarantinedRows.$inferSelect;
