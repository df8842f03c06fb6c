/**
 * The audit entries a retention run leaves: one per dataset that lost anything (agreement,
 * retention period, cut-off date, counts) and one for the run (derived data removed with it).
 * Counts and codes only: no personal data, no names, no local ids.
 */
import type { GovernanceAuditEntry } from '../rights/index.ts';
import type { RetentionReport } from './apply-retention.ts';

type Planned = Omit<RetentionReport, 'dryRun'>;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The tombstones of a run (`stage` says whether the counts are the plan or, after a difference, what was applied). */
export function retentionTombstones(report: Planned, actor: string, stage: 'planned' | 'applied'): GovernanceAuditEntry[] {
  const datasets = report.datasets
    .filter((d) => d.sourceRecords + d.events + d.relationships + d.quarantinedRows > 0)
    .map((d): GovernanceAuditEntry => ({
      actor, role: null, action: 'retention.applied', subjectRef: `dataset:${d.datasetId}`,
      details: {
        stage, as_of: report.asOf, agreement_id: d.agreementId, retention_days: d.retentionDays, cutoff: d.cutoff,
        source_records: d.sourceRecords, events: d.events, relationships: d.relationships, quarantined_rows: d.quarantinedRows,
        reason: 'no activity since the cut-off: last load and latest event both before it',
      },
    }));
  const totals = Object.fromEntries(Object.entries(report.totals).map(([k, v]) => [snake(k), v]));
  return [...datasets, {
    actor, role: null, action: 'retention.applied', subjectRef: 'retention:run',
    details: { stage, as_of: report.asOf, datasets: datasets.length, ungoverned_datasets: report.ungoverned.length, ...totals },
  }];
}

/** Whether two runs deleted the same numbers of everything. */
export function sameCounts(a: Planned, b: Planned): boolean {
  return JSON.stringify(a.totals) === JSON.stringify(b.totals)
    && JSON.stringify(a.datasets) === JSON.stringify(b.datasets);
}
