/** The person's objections, the disputes about their records, and who looked at their record when. */
import { jsonRows, utc, type SarSection } from './sar-section.ts';

export const objectionsSection: SarSection = {
  id: 'objections',
  title: 'Your objections',
  about: 'While an objection is active you are left out of risk factors, scores and worklists.',
  labels: { objectionId: 'Objection', status: 'Status', reason: 'Reason', recordedBy: 'Recorded by', recordedAt: 'Recorded' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('objectionId', id, 'status', status, 'reason', reason, 'recordedBy', recorded_by,
      'recordedAt', ${utc('recorded_at')}) AS row
    FROM objections WHERE person_id = ANY($1::text[]) ORDER BY id`, [ctx.personIds]),
};

export const disputesSection: SarSection = {
  id: 'disputes',
  title: 'Disputes about your records',
  about: 'A disputed record is left out of risk factors and scores until the agency that holds it answers. If the agency agrees the record is wrong (upheld) it stays out; if not (rejected) it counts again.',
  labels: { disputeId: 'Dispute', recordId: 'Record', status: 'Status', reason: 'Reason', raisedBy: 'Raised by', raisedAt: 'Raised', resolvedBy: 'Resolved by', resolvedAt: 'Resolved', outcome: 'Outcome' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('disputeId', id, 'recordId', source_record_id, 'status', status, 'reason', reason,
      'raisedBy', raised_by, 'raisedAt', ${utc('raised_at')}, 'resolvedBy', resolved_by, 'resolvedAt', ${utc('resolved_at')},
      'outcome', outcome) AS row
    FROM disputes WHERE source_record_id = ANY($1::bigint[]) ORDER BY id`, [ctx.recordIds]),
};

export const accessSection: SarSection = {
  id: 'access',
  title: 'Who looked at or changed your record, and when',
  about: 'Every time a member of staff opened your record, or a right you exercised was recorded, the audit log kept who, when and for what purpose.',
  labels: { at: 'When', actor: 'Who', role: 'Role', action: 'What', purpose: 'Purpose' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('at', ${utc('at')}, 'actor', actor, 'role', role, 'action', action, 'purpose', purpose) AS row
    FROM audit_log
    WHERE subject_ref = ANY($1::text[]) OR subject_ref = ANY($2::text[])
    ORDER BY seq`, [ctx.personIds, ctx.recordIds.map((id) => `source_record:${id}`)]),
};
