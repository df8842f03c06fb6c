/**
 * Casework about the person: which team holds them, the decisions practitioners took (with the
 * score they saw), consent, support plans with their outcomes, and re-identification requests
 * (hub-only mode). A re-identification answer is the person's own identity, sealed at rest: it is
 * opened with the key when one is given, as health data is.
 */
import { decryptSpecial, isSealed } from '../special-category/index.ts';
import type { SarContext } from './sar-context.ts';
import { jsonRows, utc, type SarRow, type SarSection } from './sar-section.ts';

export const allocationsSection: SarSection = {
  id: 'allocations',
  title: 'Which team holds your case',
  about: 'When a team (and sometimes a named worker) took on your case, who allocated it, and when that ended.',
  labels: { team: 'Team', workerId: 'Worker', allocatedBy: 'Allocated by', allocatedAt: 'Allocated', endedAt: 'Ended', allocationId: 'Reference' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('allocationId', a.id, 'team', t.name, 'workerId', a.worker_id, 'allocatedBy', a.allocated_by,
      'allocatedAt', ${utc('a.allocated_at')}, 'endedAt', ${utc('a.ended_at')}) AS row
    FROM allocations a JOIN teams t ON t.id = a.team_id
    WHERE a.person_id = ANY($1::text[]) ORDER BY a.id`, [ctx.personIds]),
};

export const decisionsSection: SarSection = {
  id: 'decisions',
  title: 'Decisions practitioners took',
  about: 'After looking at your record a practitioner decides what to do, and records why. Where they saw a score, the model version, date and probability they saw are kept with the decision.',
  labels: { kind: 'Decision', reason: 'Reason', decidedBy: 'Decided by', decidedAt: 'Decided', modelVersion: 'Model version seen', asOf: 'Score as of', probability: 'Probability seen', teamId: 'Team', decisionId: 'Reference' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('decisionId', id, 'kind', kind, 'reason', reason, 'decidedBy', decided_by,
      'decidedAt', ${utc('decided_at')}, 'modelVersion', model_version_id, 'asOf', as_of::text, 'probability', probability,
      'teamId', team_id) AS row
    FROM decisions WHERE person_id = ANY($1::text[]) ORDER BY decided_at, id`, [ctx.personIds]),
};

export const consentsSection: SarSection = {
  id: 'consents',
  title: 'Consent you or your parent or carer gave or refused',
  about: 'Support is offered, never imposed. The latest entry is the one that stands.',
  labels: { status: 'Consent', givenBy: 'Given by', note: 'Note', recordedBy: 'Recorded by', recordedAt: 'Recorded', consentId: 'Reference' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('consentId', id, 'status', status, 'givenBy', given_by, 'note', note,
      'recordedBy', recorded_by, 'recordedAt', ${utc('recorded_at')}) AS row
    FROM consents WHERE person_id = ANY($1::text[]) ORDER BY recorded_at, id`, [ctx.personIds]),
};

export const supportPlansSection: SarSection = {
  id: 'support_plans',
  title: 'Support plans and their outcomes',
  about: 'Each support offered to you, its goal, who leads it, when it is reviewed, and the outcomes recorded at each review.',
  labels: { offerId: 'Support', goal: 'Goal', status: 'Status', leadId: 'Lead', startOn: 'Start', reviewOn: 'Review', outcomes: 'Outcomes', createdBy: 'Created by', createdAt: 'Created', planId: 'Reference' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('planId', p.id, 'offerId', p.offer_id, 'goal', p.goal, 'status', p.status, 'leadId', p.lead_id,
      'startOn', p.start_on::text, 'reviewOn', p.review_on::text, 'createdBy', p.created_by, 'createdAt', ${utc('p.created_at')},
      'outcomes', COALESCE((SELECT jsonb_agg(jsonb_build_object('outcome', o.outcome, 'note', o.note, 'recordedBy', o.recorded_by,
        'recordedAt', ${utc('o.recorded_at')}) ORDER BY o.recorded_at, o.id) FROM support_outcomes o WHERE o.plan_id = p.id), '[]'::jsonb)) AS row
    FROM support_plans p WHERE p.person_id = ANY($1::text[]) ORDER BY p.id`, [ctx.personIds]),
};

function openAnswer(row: SarRow, ctx: SarContext): SarRow {
  if (!isSealed(row.answer)) return row;
  if (!ctx.key) return { ...row, answer: '[sealed: ask for the key holder to open it]' };
  return { ...row, answer: JSON.parse(decryptSpecial(row.answer, ctx.key)) as SarRow };
}

export const reidentificationSection: SarSection = {
  id: 'reidentification_requests',
  title: 'Requests to identify you',
  about: 'Where the partnership linked your records without your name, a practitioner with a lawful reason can ask the agency that holds a record to say who it is. Each request, its reason, and the agency’s answer or refusal is kept.',
  labels: { agencyId: 'Agency asked', recordId: 'Record', purpose: 'Purpose', reason: 'Reason', status: 'Status', requestedBy: 'Asked by', requestedAt: 'Asked', answeredBy: 'Answered by', answeredAt: 'Answered', answer: 'Answer', refusal: 'Refusal', requestId: 'Reference' },
  async rows(ctx) {
    const rows = await jsonRows(ctx, `
      SELECT jsonb_build_object('requestId', id, 'agencyId', agency_id, 'recordId', source_record_id, 'purpose', purpose,
        'reason', reason, 'status', status, 'requestedBy', requested_by, 'requestedAt', ${utc('requested_at')},
        'answeredBy', answered_by, 'answeredAt', ${utc('answered_at')}, 'answer', answer_sealed, 'refusal', refusal) AS row
      FROM reidentification_requests WHERE person_id = ANY($1::text[]) ORDER BY id`, [ctx.personIds]);
    return rows.map((row) => openAnswer(row, ctx));
  },
};
