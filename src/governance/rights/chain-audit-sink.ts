/** The audit sink the CLI and the web application use: entries go onto the hash-chained `audit_log`. */
import type { Store } from '../../store/index.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-actions.ts';
import { appendAudit } from '../audit-chain.ts';
import type { AuditSink, GovernanceAuditAction } from './audit-sink.ts';

/** Whether the audit catalogue (`audit-actions.ts`) lists a governance action yet. */
export function isCatalogued(action: GovernanceAuditAction): boolean {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** Appends each entry to the tamper-evident chain; refuses, before anything changes, an action the catalogue lacks. */
export function chainAuditSink(store: Store): AuditSink {
  return {
    async append(entry) {
      if (!isCatalogued(entry.action)) {
        throw new Error(`audit action ${entry.action} is not in the audit catalogue (src/governance/audit-actions.ts): `
          + 'add GOVERNANCE_AUDIT_ACTIONS there; nothing was changed');
      }
      await appendAudit(store, {
        actor: entry.actor,
        role: entry.role,
        action: entry.action as AuditAction,
        subjectRef: entry.subjectRef,
        details: entry.details,
      });
    },
  };
}
