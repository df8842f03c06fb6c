/**
 * Who may see what, and the record of what they saw: teams, user accounts, server-side sessions,
 * agency uploads and the append-only, hash-chained audit log.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies, datasets, ingestBatches } from './foundation.ts';

/** A team of practitioners and their supervisor; worklists are a team's. */
export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An account: local (argon2id hash, lockout counters) or from the organisation's identity provider
 * (OpenID Connect subject). One role per account; practitioners and supervisors have a team,
 * uploaders an agency.
 */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  teamId: text('team_id').references(() => teams.id),
  agencyId: text('agency_id').references(() => agencies.id),
  authSource: text('auth_source').$type<'local' | 'oidc'>().notNull().default('local'),
  passwordHash: text('password_hash'),
  oidcSubject: text('oidc_subject'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('users_username').on(t.username),
  uniqueIndex('users_oidc_subject').on(t.oidcSubject).where(sql`oidc_subject IS NOT NULL`),
]);

/**
 * A server-side session. `id` is the SHA-256 of the cookie's token, so the table never holds a
 * usable token. Before sign-in a session has no user and carries the sign-in form's CSRF token
 * (and, for OpenID Connect, the pending state, nonce and PKCE verifier).
 */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  purpose: text('purpose'),
  purposeStatedAt: timestamp('purpose_stated_at', { withTimezone: true }),
  pending: jsonb('pending').$type<Record<string, string>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sessions_user').on(t.userId), index('sessions_last_seen').on(t.lastSeenAt)]);

/** A file an agency uploader sent through the web application, and what became of it. */
export const uploads = pgTable('uploads', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  agencyId: text('agency_id').notNull().references(() => agencies.id),
  datasetId: text('dataset_id').notNull().references(() => datasets.id),
  userId: text('user_id').notNull().references(() => users.id),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  storedPath: text('stored_path').notNull(),
  status: text('status').$type<'received' | 'ingested' | 'failed'>().notNull(),
  batchId: bigint('batch_id', { mode: 'number' }).references(() => ingestBatches.id),
  message: text('message'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('uploads_agency').on(t.agencyId, t.receivedAt)]);

/**
 * The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained:
 * `hash` is the SHA-256 of the canonical JSON of the entry including `prev_hash`. `details` never
 * holds personal data; `subject_ref` is an opaque reference (a person id, `batch:12`).
 */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actor: text('actor').notNull(),
  role: text('role'),
  action: text('action').notNull(),
  subjectRef: text('subject_ref'),
  purpose: text('purpose'),
  details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  uniqueIndex('audit_log_hash').on(t.hash),
  index('audit_log_actor').on(t.actor, t.at),
  index('audit_log_action').on(t.action, t.at),
  index('audit_log_at').on(t.at),
]);

export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type Upload = typeof uploads.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
