/**
 * The tamper-evident audit log. Each entry's hash is the SHA-256 of the canonical JSON of the entry
 * together with the previous entry's hash, so changing, removing or reordering any entry breaks
 * every hash after it. Appends are serialised by a transaction-scoped advisory lock, so concurrent
 * requests cannot fork the chain.
 */
import { createHash } from 'node:crypto';
import type { SqlClient, Store } from '../store/index.ts';
import { AuditActionSchema, AuditDetailsSchema, type AuditAction, type AuditDetails } from './audit-actions.ts';
import { canonicalJson } from './canonical-json.ts';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 7_262_013_001;

export interface AuditEntryInput {
  actor: string;
  role: string | null;
  action: AuditAction;
  subjectRef?: string | null;
  purpose?: string | null;
  details?: AuditDetails;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  subjectRef: string | null;
  purpose: string | null;
  details: AuditDetails;
  prevHash: string;
  hash: string;
}

/** The hash of an entry: SHA-256 over the canonical JSON of every field but `hash` itself. */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const body = {
    seq: entry.seq, at: entry.at, actor: entry.actor, role: entry.role, action: entry.action,
    subject_ref: entry.subjectRef, purpose: entry.purpose, details: entry.details, prev_hash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Appends one entry to the chain and returns it. Safe under concurrent callers on both engines. */
export async function appendAudit(store: Store, input: AuditEntryInput, now: Date = new Date()): Promise<AuditEntry> {
  const action = AuditActionSchema.parse(input.action);
  const details = AuditDetailsSchema.parse(input.details ?? {});
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const head = await chainHead(tx);
    const unhashed = {
      seq: head.seq + 1, at: now.toISOString(), actor: input.actor, role: input.role, action,
      subjectRef: input.subjectRef ?? null, purpose: input.purpose ?? null, details, prevHash: head.hash,
    };
    const entry: AuditEntry = { ...unhashed, hash: hashEntry(unhashed) };
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor, role, action, subject_ref, purpose, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [entry.seq, entry.at, entry.actor, entry.role, entry.action, entry.subjectRef, entry.purpose,
        JSON.stringify(entry.details), entry.prevHash, entry.hash],
    );
    return entry;
  });
}

async function chainHead(tx: SqlClient): Promise<{ seq: number; hash: string }> {
  const [row] = await tx.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Turns a database row (either engine) into an entry. */
export function auditEntryFromRow(row: Record<string, unknown>): AuditEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at as string | Date).toISOString(),
    actor: String(row.actor),
    role: (row.role as string | null) ?? null,
    action: String(row.action),
    subjectRef: (row.subject_ref as string | null) ?? null,
    purpose: (row.purpose as string | null) ?? null,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as AuditDetails,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}
