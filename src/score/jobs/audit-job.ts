/**
 * `tributary model audit`: the fairness audit of any score column against a 0/1 label by group, at
 * a threshold (selected = score ≥ T). The score must be numeric in every row and the label 0/1.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { auditFairness } from '../fairness/fairness-audit.ts';
import type { AuditReport, AuditThresholds } from '../fairness/fairness-schema.ts';
import { assignGroups } from '../fairness/group-bands.ts';
import { missingColumns, readCsvTable } from '../table/csv-table.ts';
import { parseLabels } from '../table/label-column.ts';
import { parseNumericColumn } from '../table/numeric-cells.ts';

export interface AuditJobOptions {
  data: string;
  score: string;
  label: string;
  group: string;
  threshold: number;
  out?: string;
  reference?: string;
  thresholds?: Partial<AuditThresholds>;
}

/** Runs the audit; writes the JSON report when `out` is given. */
export async function runAuditJob(options: AuditJobOptions): Promise<AuditReport> {
  const table = await readCsvTable(options.data);
  const absent = [options.score, options.label, options.group].filter((name) => !table.cells.has(name));
  if (absent.length > 0) throw missingColumns(table, absent, 'named by --score, --label or --group');
  const scores = parseNumericColumn(table, options.score, 'score');
  const labels = parseLabels(table, options.label);
  const report = auditFairness({
    groupColumn: options.group,
    scores,
    labels,
    groups: assignGroups(table.cells.get(options.group)!),
    threshold: options.threshold,
    thresholds: options.thresholds,
    reference: options.reference,
  });
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  return report;
}
