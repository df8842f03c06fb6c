/**
 * The approval workflow of a model version: draft → approved (by the governance lead, with a
 * justification and a written response to every fairness flag) → retired (with a reason). Approving
 * a version retires the one approved before it, so one version at most scores people. Every
 * approval, refusal and retirement is appended to the audit chain.
 */
import { z } from 'zod';
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { ModelFairnessSchema } from '../fairness/fairness-schema.ts';
import { fairnessFlags } from './fairness-flags.ts';
import { ModelVersionError } from './version-error.ts';
import { lockVersion } from './version-records.ts';

/** Who acts: a username and the role they hold (the web session's, or the account's for the CLI). */
export const VersionActorSchema = z.object({ username: z.string().min(1), role: z.string().nullable() });
export type VersionActor = z.infer<typeof VersionActorSchema>;

export const ApprovalSchema = z.object({
  versionId: z.string().min(1),
  actor: VersionActorSchema,
  justification: z.string().transform((s) => s.trim()),
  /** Flag key (see `fairnessFlags`) → the governance lead's written response. */
  responses: z.record(z.string(), z.string().transform((s) => s.trim())).default({}),
});
export type ApprovalInput = z.input<typeof ApprovalSchema>;

export const RetirementSchema = z.object({
  versionId: z.string().min(1),
  actor: VersionActorSchema,
  reason: z.string().transform((s) => s.trim()),
});
export type RetirementInput = z.input<typeof RetirementSchema>;

export interface ApprovalResult {
  versionId: string;
  /** Versions that were approved before and are now retired. */
  retired: string[];
}

const APPROVER_ROLE = 'ig_lead';

async function refuse(store: Store, input: z.output<typeof ApprovalSchema>, error: ModelVersionError): Promise<never> {
  await appendAudit(store, {
    actor: input.actor.username, role: input.actor.role, action: 'model.approval_refused', subjectRef: input.versionId,
    details: { code: error.code, problems: error.problems.length },
  });
  throw error;
}

/** The problems with an approval, all at once (empty when it may go ahead). */
function approvalProblems(input: z.output<typeof ApprovalSchema>, fairness: unknown): { code: ModelVersionError['code']; problems: string[] } | null {
  if (input.actor.role !== APPROVER_ROLE) {
    return { code: 'MODEL_APPROVAL_ROLE', problems: [`only the governance lead (role ${APPROVER_ROLE}) may approve a model version; ${input.actor.username} holds ${input.actor.role ?? 'no role'}`] };
  }
  const problems: string[] = [];
  if (input.justification === '') problems.push('give a justification: why this version may score people');
  const unanswered = fairnessFlags(ModelFairnessSchema.parse(fairness)).filter((flag) => !input.responses[flag.key]);
  for (const flag of unanswered) problems.push(`respond to the fairness flag "${flag.text}" (key ${flag.key})`);
  if (problems.length === 0) return null;
  return { code: input.justification === '' ? 'MODEL_JUSTIFICATION_REQUIRED' : 'MODEL_FLAGS_UNANSWERED', problems };
}

/**
 * Approves a draft version. Refused (and audited) unless the actor is the governance lead, the
 * justification is given and every fairness flag has a response; retires the previously approved one.
 *
 * @example
 * await approveVersion(store, { versionId: 'mv-2026-03-31-1a2b3c4d', actor: { username: 'ig-lead', role: 'ig_lead' },
 *   justification: 'Beats the scorecard; flags reviewed with the panel', responses: { 'sex|M|ratio_selection_rate': '…' } });
 */
export async function approveVersion(store: Store, raw: ApprovalInput): Promise<ApprovalResult> {
  const input = ApprovalSchema.parse(raw);
  const outcome = await store.transaction(async (tx) => {
    const version = await lockVersion(tx, input.versionId);
    if (version.status !== 'draft') {
      return { error: new ModelVersionError('MODEL_VERSION_STATUS', `model version ${input.versionId} is ${version.status}; only a draft can be approved (fit and register a new version instead)`) };
    }
    const found = approvalProblems(input, version.fairness);
    if (found) return { error: new ModelVersionError(found.code, `model version ${input.versionId} was not approved: ${found.problems.join('; ')}`, found.problems) };
    const retired = await tx.query<{ id: string }>(`
      UPDATE model_versions SET status = 'retired', retired_at = now(), retired_by = $2, retired_reason = $3
      WHERE status = 'approved' AND id <> $1 RETURNING id`, [input.versionId, input.actor.username, `superseded by ${input.versionId}`]);
    await tx.query(`
      UPDATE model_versions SET status = 'approved', approved_by = $2, approved_at = now(), justification = $3, fairness_responses = $4::jsonb
      WHERE id = $1`, [input.versionId, input.actor.username, input.justification, JSON.stringify(input.responses)]);
    return { retired: retired.map((r) => r.id) };
  });
  if ('error' in outcome) return refuse(store, input, outcome.error!);
  await appendAudit(store, {
    actor: input.actor.username, role: input.actor.role, action: 'model.approved', subjectRef: input.versionId,
    details: { flags_answered: Object.keys(input.responses).length, retired: outcome.retired.length },
  });
  for (const id of outcome.retired) {
    await appendAudit(store, {
      actor: input.actor.username, role: input.actor.role, action: 'model.retired', subjectRef: id, details: { superseded_by: input.versionId },
    });
  }
  return { versionId: input.versionId, retired: outcome.retired };
}

/** Retires an approved (or draft) version with a reason; it scores no one from then on. */
export async function retireVersion(store: Store, raw: RetirementInput): Promise<void> {
  const input = RetirementSchema.parse(raw);
  if (input.actor.role !== APPROVER_ROLE) {
    throw new ModelVersionError('MODEL_APPROVAL_ROLE', `only the governance lead (role ${APPROVER_ROLE}) may retire a model version; ${input.actor.username} holds ${input.actor.role ?? 'no role'}`);
  }
  if (input.reason === '') throw new ModelVersionError('MODEL_REASON_REQUIRED', `give a reason for retiring model version ${input.versionId}`);
  await store.transaction(async (tx) => {
    const version = await lockVersion(tx, input.versionId);
    if (version.status === 'retired') throw new ModelVersionError('MODEL_VERSION_STATUS', `model version ${input.versionId} is already retired`);
    await tx.query(`UPDATE model_versions SET status = 'retired', retired_at = now(), retired_by = $2, retired_reason = $3 WHERE id = $1`,
      [input.versionId, input.actor.username, input.reason]);
  });
  await appendAudit(store, {
    actor: input.actor.username, role: input.actor.role, action: 'model.retired', subjectRef: input.versionId, details: { reason_length: input.reason.length },
  });
}
