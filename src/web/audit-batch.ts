/**
 * Group commit for the audit chain. Every view of a person is audited before it is answered, and each
 * append is a transaction under the chain's lock ending in a durable commit; one at a time, those
 * commits cap how many views a second the whole application can answer. Here the appends a process
 * is asked for while one transaction is committing wait for it, then go into the next transaction
 * together (`appendAuditEntries`: one transaction under the chain's lock, each entry hashed onto the
 * one before). Each caller is answered only once the transaction holding its entry has committed;
 * if that transaction fails, every caller in it fails.
 */
import { AuditDetailsSchema } from '../governance/audit-actions.ts';
import { appendAuditEntries, AuditActionSchema, type AuditEntry, type AuditEntryInput } from '../governance/index.ts';
import type { Store } from '../store/index.ts';

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
        const entries = await appendAuditEntries(store, batch);
        batch.forEach((item, i) => item.resolve(entries[i]!));
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    batcher.running = false;
  }
}
