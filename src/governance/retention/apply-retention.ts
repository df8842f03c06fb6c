/**
 * Applies each agreement's retention period: deletes expired source records and everything derived
 * only from them, and keeps in the audit log a tombstone of what went and why — counts per dataset,
 * the agreement, its retention period and the cut-off date, never personal data or local ids.
 *
 * The run is planned (a rolled-back transaction gives exact counts), the tombstones are audited,
 * then the same deletion is applied in one transaction; if the applied counts differ from the plan
 * (an extract arrived meanwhile) a further entry records the difference.
 */
import type { SqlClient, Store } from '../../store/index.ts';
import type { AuditSink } from '../rights/index.ts';
import { DELETE_STEPS, DELETED_KINDS, type DeletedKind } from './retention-deletes.ts';
import { CREATE_SCOPE_SQL, EXPIRED_RECORDS_SQL, POLICY_SQL, UNGOVERNED_SQL } from './retention-policy.ts';
import { retentionTombstones, sameCounts } from './retention-tombstones.ts';

export interface DatasetRetention {
  datasetId: string;
  agreementId: string;
  retentionDays: number;
  cutoff: string;
  sourceRecords: number;
  events: number;
  relationships: number;
  quarantinedRows: number;
}

export interface RetentionReport {
  asOf: string;
  dryRun: boolean;
  datasets: DatasetRetention[];
  /** Datasets with no agreement: nothing of theirs is deleted, the DPO must act. */
  ungoverned: string[];
  totals: Record<DeletedKind, number>;
}

export interface RetentionOptions {
  /** The day retention is applied as of (YYYY-MM-DD, UTC); default today. */
  asOf?: string;
  dryRun?: boolean;
  /** Who runs it, for the audit entries (default `system:retention`). */
  actor?: string;
}

const PER_DATASET = ['sourceRecords', 'events', 'relationships', 'quarantinedRows'] as const;

async function runRetention(tx: SqlClient, asOf: string): Promise<Omit<RetentionReport, 'dryRun'>> {
  await tx.exec(CREATE_SCOPE_SQL);
  await tx.query(POLICY_SQL, [asOf]);
  await tx.exec(EXPIRED_RECORDS_SQL);
  const policies = await tx.query<{ dataset_id: string; agreement_id: string; retention_days: number; cutoff: string }>(
    'SELECT dataset_id, agreement_id, retention_days, cutoff::text AS cutoff FROM ret_policy ORDER BY dataset_id');
  const datasets = new Map(policies.map((p) => [p.dataset_id, {
    datasetId: p.dataset_id, agreementId: p.agreement_id, retentionDays: Number(p.retention_days), cutoff: p.cutoff,
    sourceRecords: 0, events: 0, relationships: 0, quarantinedRows: 0,
  } satisfies DatasetRetention]));
  const totals = Object.fromEntries(DELETED_KINDS.map((kind) => [kind, 0])) as Record<DeletedKind, number>;
  const [expired] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM ret_records');
  // With no expired record only the quarantine step can delete anything: skip the scans of derived tables.
  const steps = expired?.n ? DELETE_STEPS : DELETE_STEPS.filter((step) => step.name === 'quarantinedRows');
  for (const step of steps) {
    if (step.prepare) await tx.exec(step.prepare);
    const rows = await tx.query<{ dataset_id: string | null; n: number }>(
      `WITH deleted AS (${step.sql}) SELECT ${step.perDataset ? 'dataset_id' : 'NULL::text AS dataset_id'}, count(*)::int AS n
       FROM deleted GROUP BY 1`);
    for (const row of rows) {
      totals[step.name] += row.n;
      const dataset = row.dataset_id === null ? undefined : datasets.get(row.dataset_id);
      if (dataset && (PER_DATASET as readonly string[]).includes(step.name)) dataset[step.name as (typeof PER_DATASET)[number]] += row.n;
    }
  }
  const ungoverned = (await tx.query<{ id: string }>(UNGOVERNED_SQL)).map((row) => row.id);
  return { asOf, datasets: [...datasets.values()], ungoverned, totals };
}

class Rollback extends Error {
  constructor(readonly report: Omit<RetentionReport, 'dryRun'>) {
    super('dry run');
  }
}

async function plan(store: Store, asOf: string): Promise<Omit<RetentionReport, 'dryRun'>> {
  try {
    await store.transaction(async (tx) => {
      throw new Rollback(await runRetention(tx, asOf));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
  throw new Error('unreachable: the planning transaction always rolls back');
}

/** Today's date in UTC as YYYY-MM-DD. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Applies retention as of `asOf` (or, with `dryRun`, only reports what would go).
 * @example const report = await applyRetention(store, chainAuditSink(store), { dryRun: true });
 */
export async function applyRetention(store: Store, audit: AuditSink, options: RetentionOptions = {}): Promise<RetentionReport> {
  const asOf = options.asOf ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`retention as-of date ${asOf}: give a date as YYYY-MM-DD`);
  const planned = await plan(store, asOf);
  const nothing = Object.values(planned.totals).every((n) => n === 0);
  if (options.dryRun || nothing) return { ...planned, dryRun: Boolean(options.dryRun) };
  const actor = options.actor ?? 'system:retention';
  for (const entry of retentionTombstones(planned, actor, 'planned')) await audit.append(entry);
  const applied = await store.transaction((tx) => runRetention(tx, asOf));
  if (!sameCounts(planned, applied)) {
    for (const entry of retentionTombstones(applied, actor, 'applied')) await audit.append(entry);
  }
  return { ...applied, dryRun: false };
}
