/** The catalogue of audited actions: every view of a person, export, decision, approval and sign-in. */
import { z } from 'zod';
import { GOVERNANCE_AUDIT_ACTIONS } from './rights/audit-sink.ts';

/** Actions of the web application. */
export const WEB_AUDIT_ACTIONS = [
  'sign_in.success',
  'sign_in.failure',
  'sign_out',
  'access.refused',
  'purpose.stated',
  'purpose.refused',
  'person.view',
  'export.quarantine_csv',
  'upload.received',
  'audit.verified',
  'decision.recorded',
  'allocation.recorded',
  'consent.recorded',
  'support_plan.started',
  'support_outcome.recorded',
  'model.approved',
  'model.approval_refused',
  'model.retired',
  'model.registered',
  'model.scoring_refused',
  'reidentification.requested',
  'reidentification.answered',
  'reidentification.refused',
  'reidentification.viewed',
] as const;

/** Every audited action: the web application's and the governance jobs' (rights, retention, SAR, transparency). */
export const AUDIT_ACTIONS = [...WEB_AUDIT_ACTIONS, ...GOVERNANCE_AUDIT_ACTIONS] as const;

export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Details of an entry: flat, short, and never personal data (counts, codes, opaque references). */
export const AuditDetailsSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
);
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;
