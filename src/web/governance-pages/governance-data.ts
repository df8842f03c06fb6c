/** The Governance section's data: audit search, chain verification and the access matrix. */
import { z } from 'zod';
import {
  accessCell, accessMatrix, appendAudit, AUDIT_ACTIONS, conditionLabels, CONDITIONS, roleLabels, ROLES,
  verifyAuditChain, type ChainVerification,
} from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';

export const AuditEntrySchema = z.object({
  seq: z.number().int(), at: z.string(), actor: z.string(), role: z.string().nullable(), action: z.string(),
  subjectRef: z.string().nullable(), purpose: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  prevHash: z.string(), hash: z.string(),
});
export const AuditSearchResultSchema = z.object({ entries: z.array(AuditEntrySchema), actions: z.array(z.string()) });

export const ChainVerificationSchema = z.object({
  ok: z.boolean(), entries: z.number().int(), headHash: z.string().optional(),
  brokenAt: z.number().int().optional(), reason: z.string().optional(), message: z.string().optional(),
});

export const AccessMatrixSchema = z.object({
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  conditions: z.array(z.object({ id: z.string(), short: z.string(), rule: z.string() })),
  rules: z.array(z.object({
    method: z.string(), path: z.string(), summary: z.string(), public: z.boolean(),
    grants: z.record(z.string(), z.array(z.string())).describe('role → conditions; a role that is absent is refused'),
    cells: z.array(z.string()),
  })),
});

/** Verifies the chain and records that it was verified (the record itself extends the chain). */
export async function verifyAndRecord(store: Store, principal: Principal): Promise<ChainVerification> {
  const result = await verifyAuditChain(store);
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'audit.verified',
    details: result.ok ? { ok: true, entries: result.entries } : { ok: false, broken_at: result.brokenAt, reason: result.reason },
  });
  return result;
}

export function accessMatrixData(): z.infer<typeof AccessMatrixSchema> {
  return {
    roles: ROLES.map((id) => ({ id, name: roleLabels[id].name })),
    conditions: CONDITIONS.map((id) => ({ id, ...conditionLabels[id] })),
    rules: accessMatrix.map((rule) => ({
      method: rule.method, path: rule.path, summary: rule.summary, public: rule.public === true,
      grants: Object.fromEntries(Object.entries(rule.roles).map(([role, grant]) => [role, [...grant]])),
      cells: ROLES.map((role) => accessCell(rule, role)),
    })),
  };
}

export const auditActions: readonly string[] = AUDIT_ACTIONS;
