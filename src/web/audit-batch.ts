/**
 * Group commit for the audit chain. Every view of a person is audited before it is answered, and each
 * append is a transaction under the chain's lock ending in a durable commit; one at a time, those
 * commits cap how many views a second the whole application can answer. Here the appends a process
 * is asked for while one transaction is committing wait for it, then go into the next transaction
 * together. The first is appended by `appendAudit` (which takes the chain's lock, held until the
 * commit); the rest follow it in one INSERT, each its own entry hashed by `hashEntry` onto the one
 * before, exactly as `appendAudit` would chain them one by one. Each caller is answered only once the
 * transaction holding its entry has committed; if that transaction fails, every caller in it fails.
 */
import { AuditDetailsSchema } from '../governance/audit-actions.ts';
import { appendAudit, AuditActionSchema, hashEntry, type AuditEntry, type AuditEntryInput } from '../governance/index.ts';
import type { SqlClient, Store } from '../store/index.ts';

/** Entries per transaction at most, so that one commit does not hold the chain's lock for long. */
const MAX_BATCH = 64;

interface Waiting {
  input: AuditEntryInput;
  at: Date;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

interface Batcher {
  waiting: Waiting[];
  running: boolean;
}

const batchers = new WeakMap<Store, Batcher>();

/** Appends `input` to the chain, sharing a transaction with the appends asked for meanwhile; resolves once it is durable. */
export function appendAuditGrouped(store: Store, input: AuditEntryInput, at: Date = new Date()): Promise<AuditEntry> {
  // An entry appendAudit would refuse is refused here, alone, rather than failing the others' transaction.
  const action = AuditActionSchema.safeParse(input.action);
  if (!action.success) return Promise.reject(new Error(`audit: unknown action ${JSON.stringify(input.action)}`));
  const details = AuditDetailsSchema.safeParse(input.details ?? {});
  if (!details.success) return Promise.reject(new Error(`audit: details of ${input.action} refused: ${details.error.message}`));
  let batcher = batchers.get(store);
  if (!batcher) {
    batcher = { waiting: [], running: false };
    batchers.set(store, batcher);
  }
  const entry = new Promise<AuditEntry>((resolve, reject) => batcher.waiting.push({ input, at, resolve, reject }));
  if (!batcher.running) void drain(store, batcher);
  return entry;
}

async function drain(store: Store, batcher: Batcher): Promise<void> {
  batcher.running = true;
  try {
    while (batcher.waiting.length > 0) {
      const batch = batcher.waiting.splice(0, MAX_BATCH);
      try {
        const entries = await store.transaction(async (tx) => {
          // appendAudit opens a transaction on the store it is given: give it this one.
          const inTransaction: Store = { ...store, sql: tx, transaction: <T>(work: (client: SqlClient) => Promise<T>) => work(tx) };
          // Any failure fails the whole transaction: it rolls back and nobody is answered as audited.
          const appended = [await appendAudit(inTransaction, batch[0]!.input, batch[0]!.at)];
          for (const item of batch.slice(1)) appended.push(chained(appended.at(-1)!, item));
          await insertEntries(tx, appended.slice(1));
          return appended;
        });
        batch.forEach((item, i) => item.resolve(entries[i]!));
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    batcher.running = false;
  }
}

/** The entry after `previous` for `item`, as appendAudit builds it. */
function chained(previous: AuditEntry, item: Waiting): AuditEntry {
  const { input } = item;
  const unhashed = {
    seq: previous.seq + 1, at: item.at.toISOString(), actor: input.actor, role: input.role, action: AuditActionSchema.parse(input.action),
    subjectRef: input.subjectRef ?? null, purpose: input.purpose ?? null, details: AuditDetailsSchema.parse(input.details ?? {}),
    prevHash: previous.hash,
  };
  return { ...unhashed, hash: hashEntry(unhashed) };
}

async function insertEntries(tx: SqlClient, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const params: unknown[] = [];
  const rows = entries.map((e) => {
    const at = params.length;
    params.push(e.seq, e.at, e.actor, e.role, e.action, e.subjectRef, e.purpose, JSON.stringify(e.details), e.prevHash, e.hash);
    return `(${Array.from({ length: 10 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO audit_log (seq, at, actor, role, action, subject_ref, purpose, details, prev_hash, hash) VALUES ${rows.join(', ')}`, params);
}
