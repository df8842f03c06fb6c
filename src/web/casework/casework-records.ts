/**
 * A practitioner's decision about a person and consent: each audited before it is written. A
 * data-error decision also opens a dispute on the record named (through the rights stage), which
 * takes it out of factors and scores until the agency answers.
 */
import { appendAudit, chainAuditSink } from '../../governance/index.ts';
import { raiseDispute, RightsError } from '../../governance/rights/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';
import { CaseworkInputError, type ConsentInput, type DecisionInput } from './casework-forms.ts';

/** Throws a field error unless `sourceRecordId` is one of the person's records. */
export async function requireOwnRecord(store: Store, personId: string, sourceRecordId: number | undefined, field: string): Promise<number> {
  const [owned] = sourceRecordId ? await store.sql.query<{ person_id: string }>(
    'SELECT person_id FROM person_records WHERE source_record_id = $1 AND person_id = $2', [sourceRecordId, personId]) : [];
  if (!owned) throw new CaseworkInputError(field, 'Select one of this young person’s records');
  return sourceRecordId!;
}

/** Records a decision with the score the practitioner saw; returns its id (and the dispute's, for a data error). */
export async function recordDecision(
  store: Store, principal: Principal, personId: string, input: DecisionInput,
): Promise<{ decisionId: number; disputeId: number | null }> {
  let disputeId: number | null = null;
  if (input.kind === 'data_error') {
    const recordId = await requireOwnRecord(store, personId, input.sourceRecordId, 'sourceRecordId');
    try {
      disputeId = (await raiseDispute(store, { sourceRecordId: recordId, reason: input.reason, by: principal.username, role: principal.role },
        chainAuditSink(store))).disputeId;
    } catch (error) {
      if (!(error instanceof RightsError)) throw error;
      throw new CaseworkInputError('sourceRecordId', 'That record has already been reported');
    }
  }
  const [score] = await store.sql.query<{ model_version_id: string; as_of: string; probability: number }>(
    `SELECT sc.model_version_id, sc.as_of::text AS as_of, sc.probability FROM scores sc
       JOIN model_versions mv ON mv.id = sc.model_version_id AND mv.status = 'approved'
      WHERE sc.person_id = $1 ORDER BY sc.as_of DESC, sc.scored_at DESC LIMIT 1`, [personId]);
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'decision.recorded', subjectRef: personId,
    details: { kind: input.kind, dispute_id: disputeId, model_version_id: score?.model_version_id ?? null },
  });
  const [row] = await store.sql.query<{ id: number | string }>(
    `INSERT INTO decisions (person_id, kind, reason, model_version_id, as_of, probability, team_id, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [personId, input.kind, input.reason, score?.model_version_id ?? null, score?.as_of ?? null,
      score ? Number(score.probability) : null, principal.teamId, principal.username]);
  return { decisionId: Number(row!.id), disputeId };
}

/** Records consent (the latest row stands); returns its id. */
export async function recordConsent(store: Store, principal: Principal, personId: string, input: ConsentInput): Promise<number> {
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'consent.recorded', subjectRef: personId,
    details: { status: input.status, given_by: input.givenBy },
  });
  const [row] = await store.sql.query<{ id: number | string }>(
    `INSERT INTO consents (person_id, status, given_by, note, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [personId, input.status, input.givenBy, input.note ?? null, principal.username]);
  return Number(row!.id);
}
