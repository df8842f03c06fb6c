/**
 * Rectification. A dispute takes one source record out of factors and scores at once
 * (`source_records.disputed = true` and an open `disputes` row) until the source agency answers:
 * upheld — the record is wrong and stays out until the agency's next extract corrects it;
 * rejected — the record is right and counts again. Each step is audited before it is applied,
 * so that no change is ever unaudited.
 */
import { z } from 'zod';
import type { Store } from '../../store/index.ts';
import type { AuditSink } from './audit-sink.ts';
import { nextId } from './next-id.ts';
import { RightsError } from './rights-error.ts';

export const RaiseDisputeSchema = z.object({
  sourceRecordId: z.number().int().positive(),
  reason: z.string().trim().min(1).max(2000),
  by: z.string().trim().min(1),
  role: z.string().nullable().default(null),
});
export const ResolveDisputeSchema = z.object({
  disputeId: z.number().int().positive(),
  outcome: z.enum(['upheld', 'rejected']),
  by: z.string().trim().min(1),
  note: z.string().trim().max(2000).default(''),
  role: z.string().nullable().default(null),
});

export interface DisputeResult {
  disputeId: number;
  sourceRecordId: number;
  status: 'open' | 'upheld' | 'rejected';
  /** Whether the record is now left out of factors and scores. */
  recordExcluded: boolean;
}

/** Opens a dispute about a source record and takes the record out of factors and scores. */
export async function raiseDispute(
  store: Store, input: z.input<typeof RaiseDisputeSchema>, audit: AuditSink,
): Promise<DisputeResult> {
  const { sourceRecordId, reason, by, role } = RaiseDisputeSchema.parse(input);
  const [record] = await store.sql.query<{ agency_id: string; dataset_id: string; open: boolean }>(
    `SELECT agency_id, dataset_id,
       EXISTS (SELECT 1 FROM disputes d WHERE d.source_record_id = sr.id AND d.status = 'open') AS open
     FROM source_records sr WHERE id = $1`, [sourceRecordId]);
  if (!record) throw new RightsError('TRB_RIGHTS_NO_RECORD', `no source record ${sourceRecordId}`);
  if (record.open) throw new RightsError('TRB_RIGHTS_DISPUTE_OPEN', `source record ${sourceRecordId} already has an open dispute`);
  const disputeId = await nextId(store.sql, 'disputes');
  await audit.append({
    actor: by, role, action: 'rights.dispute_raised', subjectRef: `source_record:${sourceRecordId}`,
    details: { dispute_id: disputeId, agency_id: record.agency_id, dataset_id: record.dataset_id },
  });
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO disputes (id, source_record_id, status, reason, raised_by) VALUES ($1, $2, 'open', $3, $4)`,
      [disputeId, sourceRecordId, reason, by]);
    await tx.query('UPDATE source_records SET disputed = true WHERE id = $1', [sourceRecordId]);
  });
  return { disputeId, sourceRecordId, status: 'open', recordExcluded: true };
}

/**
 * Closes an open dispute with the agency's answer. `rejected` restores the record unless another
 * dispute about it was upheld; `upheld` leaves it out.
 */
export async function resolveDispute(
  store: Store, input: z.input<typeof ResolveDisputeSchema>, audit: AuditSink,
): Promise<DisputeResult> {
  const { disputeId, outcome, by, note, role } = ResolveDisputeSchema.parse(input);
  const [dispute] = await store.sql.query<{ source_record_id: string | number; status: string }>(
    'SELECT source_record_id, status FROM disputes WHERE id = $1', [disputeId]);
  if (!dispute) throw new RightsError('TRB_RIGHTS_NO_DISPUTE', `no dispute ${disputeId}`);
  if (dispute.status !== 'open') throw new RightsError('TRB_RIGHTS_DISPUTE_CLOSED', `dispute ${disputeId} is already ${dispute.status}`);
  const sourceRecordId = Number(dispute.source_record_id);
  await audit.append({
    actor: by, role, action: 'rights.dispute_resolved', subjectRef: `source_record:${sourceRecordId}`,
    details: { dispute_id: disputeId, outcome },
  });
  const recordExcluded = await store.transaction(async (tx) => {
    const updated = await tx.query(
      `UPDATE disputes SET status = $2, outcome = $3, resolved_by = $4, resolved_at = now()
       WHERE id = $1 AND status = 'open' RETURNING id`, [disputeId, outcome, note || outcome, by]);
    if (updated.length === 0) throw new RightsError('TRB_RIGHTS_DISPUTE_CLOSED', `dispute ${disputeId} was closed meanwhile`);
    const [row] = await tx.query<{ disputed: boolean }>(
      `UPDATE source_records SET disputed = EXISTS (
         SELECT 1 FROM disputes d WHERE d.source_record_id = $1 AND d.status IN ('open', 'upheld'))
       WHERE id = $1 RETURNING disputed`, [sourceRecordId]);
    return row?.disputed ?? false;
  });
  return { disputeId, sourceRecordId, status: outcome, recordExcluded };
}
