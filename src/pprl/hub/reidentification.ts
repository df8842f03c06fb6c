/**
 * Re-identification in hub-only mode. A practitioner with a lawful reason asks the agency that
 * holds one of a person's records who the person is; the request waits for that agency's uploader,
 * who sees only their own agency's pending requests (with their own record reference, which they
 * look up in their own system) and answers or refuses. The answer is sealed with the special
 * category key; only the practitioner who asked can open it, and each opening is audited, as is
 * every request, answer and refusal.
 */
import { appendAudit } from '../../governance/audit-chain.ts';
import { decryptSpecial, encryptSpecial, type SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Store } from '../../store/index.ts';
import { HubError } from './hub-error.ts';
import type { ReidentificationAnswer, ReidentificationAnswerInput, ReidentificationRequestInput } from './reidentification-inputs.ts';

export interface Actor { username: string; role: string; agencyId?: string | null }

export interface ReidentificationRow {
  id: number; personId: string; agencyId: string; agencyName: string; localId: string | null; purpose: string; reason: string;
  status: 'pending' | 'answered' | 'refused'; requestedBy: string; requestedAt: string; answeredBy: string | null;
  answeredAt: string | null; refusal: string | null;
}

const SELECT = `SELECT r.id::int AS id, r.person_id AS "personId", r.agency_id AS "agencyId", a.name AS "agencyName",
  sr.local_id AS "localId", r.purpose, r.reason, r.status, r.requested_by AS "requestedBy",
  to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "requestedAt", r.answered_by AS "answeredBy",
  to_char(r.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "answeredAt", r.refusal
FROM reidentification_requests r JOIN agencies a ON a.id = r.agency_id LEFT JOIN source_records sr ON sr.id = r.source_record_id`;

/** The agencies holding an encoded record of the person (the ones a request can go to). */
export async function agenciesHolding(store: Store, personId: string): Promise<Array<{ id: string; name: string }>> {
  return store.sql.query(`SELECT DISTINCT a.id, a.name FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id
    JOIN agencies a ON a.id = sr.agency_id WHERE pr.person_id = $1 AND sr.clk IS NOT NULL ORDER BY a.name`, [personId]);
}

/** Records a request to `input.agencyId` about its most recently loaded record of the person. */
export async function requestReidentification(store: Store, actor: Actor, personId: string, input: ReidentificationRequestInput): Promise<ReidentificationRow> {
  const [person] = await store.sql.query<{ id: string }>(`SELECT id FROM persons WHERE id = $1 AND status = 'active'`, [personId]);
  if (!person) throw new HubError('TRB_REID_NO_PERSON', `no active person ${personId}: check the id on the person's page`);
  const [record] = await store.sql.query<{ id: string | number }>(`SELECT sr.id FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id
    WHERE pr.person_id = $1 AND sr.agency_id = $2 AND sr.clk IS NOT NULL ORDER BY sr.loaded_at DESC, sr.id DESC LIMIT 1`, [personId, input.agencyId]);
  if (!record) throw new HubError('TRB_REID_NO_RECORD', `agency ${input.agencyId} holds no encoded record of ${personId}: ask an agency that does`);
  const [row] = await store.sql.query<{ id: string | number }>(`INSERT INTO reidentification_requests
    (person_id, source_record_id, agency_id, purpose, reason, requested_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
  [personId, record.id, input.agencyId, input.purpose, input.reason, actor.username]);
  await appendAudit(store, {
    actor: actor.username, role: actor.role, action: 'reidentification.requested', subjectRef: personId, purpose: input.purpose,
    details: { request_id: Number(row!.id), agency_id: input.agencyId },
  });
  return (await requestById(store, Number(row!.id)))!;
}

async function requestById(store: Store, id: number): Promise<ReidentificationRow | undefined> {
  return (await store.sql.query<ReidentificationRow>(`${SELECT} WHERE r.id = $1`, [id]))[0];
}

/** An agency's pending requests, oldest first: all an uploader sees. */
export async function pendingForAgency(store: Store, agencyId: string): Promise<ReidentificationRow[]> {
  return store.sql.query<ReidentificationRow>(`${SELECT} WHERE r.agency_id = $1 AND r.status = 'pending' ORDER BY r.requested_at, r.id`, [agencyId]);
}

/** The person's requests, newest first (without answers: see `openAnswer`). */
export async function requestsForPerson(store: Store, personId: string): Promise<ReidentificationRow[]> {
  return store.sql.query<ReidentificationRow>(`${SELECT} WHERE r.person_id = $1 ORDER BY r.requested_at DESC, r.id DESC`, [personId]);
}

/** The request if it is pending and the actor's agency's; throws with a code saying which it is not. */
export async function pendingRequestFor(store: Store, actor: Actor, requestId: number): Promise<ReidentificationRow> {
  const request = await requestById(store, requestId);
  if (!request) throw new HubError('TRB_REID_NOT_FOUND', `no re-identification request ${requestId}`);
  if (!actor.agencyId || request.agencyId !== actor.agencyId) {
    throw new HubError('TRB_REID_NOT_YOURS', `request ${requestId} is for another agency: only its own agency answers it`);
  }
  if (request.status !== 'pending') throw new HubError('TRB_REID_CLOSED', `request ${requestId} was already ${request.status}`);
  return request;
}

async function close(store: Store, actor: Actor, requestId: number, set: { status: 'answered' | 'refused'; sealed?: string; refusal?: string }): Promise<void> {
  const request = await pendingRequestFor(store, actor, requestId);
  const updated = await store.sql.query(`UPDATE reidentification_requests SET status = $2, answered_by = $3, answered_at = now(),
    answer_sealed = $4, refusal = $5 WHERE id = $1 AND status = 'pending' RETURNING id`,
  [requestId, set.status, actor.username, set.sealed ?? null, set.refusal ?? null]);
  if (updated.length === 0) throw new HubError('TRB_REID_CLOSED', `request ${requestId} was answered meanwhile`);
  await appendAudit(store, {
    actor: actor.username, role: actor.role, action: set.status === 'answered' ? 'reidentification.answered' : 'reidentification.refused',
    subjectRef: request.personId, purpose: request.purpose, details: { request_id: requestId, agency_id: request.agencyId },
  });
}

/** The agency answers for its own record; the answer is sealed before it is stored. */
export async function answerReidentification(store: Store, key: SpecialCategoryKey, actor: Actor, requestId: number, input: ReidentificationAnswerInput): Promise<void> {
  const request = await pendingRequestFor(store, actor, requestId);
  const answer: ReidentificationAnswer = { localId: request.localId ?? '', ...input };
  await close(store, actor, requestId, { status: 'answered', sealed: encryptSpecial(JSON.stringify(answer), key) });
}

/** The agency refuses, saying why (kept in the request, shown to the practitioner). */
export async function refuseReidentification(store: Store, actor: Actor, requestId: number, refusal: string): Promise<void> {
  await close(store, actor, requestId, { status: 'refused', refusal });
}

/** Opens an answered request's answer for the practitioner who asked (audited); null for anyone else or no answer. */
export async function openAnswer(store: Store, key: SpecialCategoryKey, actor: Actor, requestId: number): Promise<ReidentificationAnswer | null> {
  const [row] = await store.sql.query<{ person_id: string; requested_by: string; answer_sealed: string | null; purpose: string }>(
    'SELECT person_id, requested_by, answer_sealed, purpose FROM reidentification_requests WHERE id = $1', [requestId]);
  if (!row?.answer_sealed || row.requested_by !== actor.username) return null;
  await appendAudit(store, {
    actor: actor.username, role: actor.role, action: 'reidentification.viewed', subjectRef: row.person_id, purpose: row.purpose,
    details: { request_id: requestId },
  });
  return JSON.parse(decryptSpecial(row.answer_sealed, key)) as ReidentificationAnswer;
}
