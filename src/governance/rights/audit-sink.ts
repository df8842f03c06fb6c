/**
 * Where the rights, retention, subject access and transparency jobs write their audit entries.
 * A narrow interface so that these jobs do not depend on how the chain is kept: the CLI passes
 * `chainAuditSink(store)` (the hash-chained `audit_log`), tests pass `memoryAuditSink()`.
 * Details are flat and never personal data: ids, codes, counts, dates.
 */
import { z } from 'zod';

export const GOVERNANCE_AUDIT_ACTIONS = [
  'rights.dispute_raised',
  'rights.dispute_resolved',
  'rights.objection_recorded',
  'rights.objection_withdrawn',
  'retention.applied',
  'sar.exported',
  'transparency.published',
] as const;

export const GovernanceAuditActionSchema = z.enum(GOVERNANCE_AUDIT_ACTIONS);
export type GovernanceAuditAction = z.infer<typeof GovernanceAuditActionSchema>;

export interface GovernanceAuditEntry {
  actor: string;
  role: string | null;
  action: GovernanceAuditAction;
  /** An opaque reference: a person id, `source_record:12`, `dataset:school-census`. */
  subjectRef: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface AuditSink {
  append(entry: GovernanceAuditEntry): Promise<void>;
}

/** A sink that keeps entries in memory, for tests and dry runs. */
export function memoryAuditSink(): AuditSink & { readonly entries: GovernanceAuditEntry[] } {
  const entries: GovernanceAuditEntry[] = [];
  return {
    entries,
    async append(entry) {
      entries.push(structuredClone(entry));
    },
  };
}
