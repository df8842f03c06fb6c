/** The governance jobs' AuditSink backed by the hash-chained audit log. */
import type { Store } from '../store/index.ts';
import { appendAudit } from './audit-chain.ts';
import type { AuditSink } from './rights/audit-sink.ts';

/** An AuditSink that appends every entry to `audit_log` (serialised, hash-chained). */
export function chainAuditSink(store: Store): AuditSink {
  return {
    async append(entry) {
      await appendAudit(store, { ...entry, purpose: null });
    },
  };
}
