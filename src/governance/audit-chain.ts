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
  const [entry] = await appendAuditEntries(store, [{ input, at: now }]);
  return entry!;
}

/**
 * Appends several entries in one transaction under the chain's lock, each hashed onto the one
 * before, in one INSERT; returns them in order. Every input is validated before anything is written.
 * Used for group commit (src/web/audit-batch.ts): one durable commit for many views.
 */
export async function appendAuditEntries(
  store: Store, items: ReadonlyArray<{ input: AuditEntryInput; at: Date }>,
): Promise<AuditEntry[]> {
  const parsed = items.map(({ input, at }) => ({
    input, at, action: AuditActionSchema.parse(input.action), details: AuditDetailsSchema.parse(input.details ?? {}),
  }));
  if (parsed.length === 0) return [];
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    let previous = await chainHead(tx);
    const entries = parsed.map(({ input, at, action, details }) => {
      const unhashed = {
        seq: previous.seq + 1, at: at.toISOString(), actor: input.actor, role: input.role, action,
        subjectRef: input.subjectRef ?? null, purpose: input.purpose ?? null, details, prevHash: previous.hash,
      };
      const entry: AuditEntry = { ...unhashed, hash: hashEntry(unhashed) };
      previous = entry;
      return entry;
    });
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      const at = params.length;
      params.push(e.seq, e.at, e.actor, e.role, e.action, e.subjectRef, e.purpose, JSON.stringify(e.details), e.prevHash, e.hash);
      return `(${Array.from({ length: 10 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO audit_log (seq, at, actor, role, action, subject_ref, purpose, details, prev_hash, hash) VALUES ${rows.join(', ')}`, params);
    return entries;
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
