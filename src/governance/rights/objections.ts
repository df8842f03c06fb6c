/**
 * Objection (UK GDPR Article 21): while a person's objection is active they are left out of
 * factors, scores and the worklist, and nobody's family factors are walked through them.
 * Withdrawing it lets them back in from the next run. Audited before it is applied.
 */
import { z } from 'zod';
import type { Store } from '../../store/index.ts';
import type { AuditSink } from './audit-sink.ts';
import { nextId } from './next-id.ts';
import { RightsError } from './rights-error.ts';

export const RecordObjectionSchema = z.object({
  personId: z.string().trim().min(1),
  reason: z.string().trim().min(1).max(2000),
  by: z.string().trim().min(1),
  role: z.string().nullable().default(null),
});
export const WithdrawObjectionSchema = z.object({
  personId: z.string().trim().min(1),
  by: z.string().trim().min(1),
  role: z.string().nullable().default(null),
});

export interface ObjectionResult {
  objectionId: number;
  personId: string;
  status: 'active' | 'withdrawn';
}

/** Records a person's objection; refused if one is already active. */
export async function recordObjection(
  store: Store, input: z.input<typeof RecordObjectionSchema>, audit: AuditSink,
): Promise<ObjectionResult> {
  const { personId, reason, by, role } = RecordObjectionSchema.parse(input);
  const [person] = await store.sql.query<{ active: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM objections o WHERE o.person_id = p.id AND o.status = 'active') AS active
     FROM persons p WHERE id = $1`, [personId]);
  if (!person) throw new RightsError('TRB_RIGHTS_NO_PERSON', `no person ${personId}`);
  if (person.active) throw new RightsError('TRB_RIGHTS_OBJECTION_ACTIVE', `person ${personId} already has an active objection`);
  const objectionId = await nextId(store.sql, 'objections');
  await audit.append({
    actor: by, role, action: 'rights.objection_recorded', subjectRef: personId, details: { objection_id: objectionId },
  });
  await store.sql.query(
    `INSERT INTO objections (id, person_id, status, reason, recorded_by) VALUES ($1, $2, 'active', $3, $4)`,
    [objectionId, personId, reason, by]);
  return { objectionId, personId, status: 'active' };
}

/** Withdraws the person's active objection. */
export async function withdrawObjection(
  store: Store, input: z.input<typeof WithdrawObjectionSchema>, audit: AuditSink,
): Promise<ObjectionResult> {
  const { personId, by, role } = WithdrawObjectionSchema.parse(input);
  const [active] = await store.sql.query<{ id: string | number }>(
    `SELECT id FROM objections WHERE person_id = $1 AND status = 'active' ORDER BY id DESC LIMIT 1`, [personId]);
  if (!active) throw new RightsError('TRB_RIGHTS_NO_OBJECTION', `person ${personId} has no active objection`);
  const objectionId = Number(active.id);
  await audit.append({
    actor: by, role, action: 'rights.objection_withdrawn', subjectRef: personId, details: { objection_id: objectionId },
  });
  await store.sql.query(`UPDATE objections SET status = 'withdrawn' WHERE id = $1`, [objectionId]);
  return { objectionId, personId, status: 'withdrawn' };
}
