/** The audit as a plain-text table for a terminal, followed by its flags, warnings and explanation. */
import type { AuditReport } from '../fairness/fairness-schema.ts';

const cell = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));

/** Formats the report for reading. */
export function auditTableText(report: AuditReport): string {
  const header = ['group', 'n', 'base_rate', 'selection_rate', 'fpr', 'fnr', 'ppv', 'auc', 'flags'];
  const rows = report.group_order.map((name) => {
    const g = report.groups[name]!;
    const flags = g.small_group ? 'small group: not flagged' : [g.is_reference ? 'reference' : '', ...g.flags].filter(Boolean).join(', ') || '-';
    return [name, String(g.n), cell(g.base_rate), cell(g.selection_rate), cell(g.fpr), cell(g.fnr), cell(g.ppv), cell(g.auc), flags];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((value, c) => (c === 0 || c === row.length - 1 ? value.padEnd(widths[c]!) : value.padStart(widths[c]!))).join('  ').trimEnd();
  return [
    `Fairness audit of ${report.n} rows by "${report.group_column}" at threshold ${report.threshold} (selected = score ≥ threshold); reference group: ${report.reference_group}`,
    '',
    line(header),
    line(header.map((_, c) => '-'.repeat(widths[c]!))),
    ...rows.map(line),
    '',
    `Flags: ratio to the reference outside [${report.thresholds.min_ratio}, ${report.thresholds.max_ratio}] or difference above ${report.thresholds.max_difference}${report.scores_are_probabilities ? `; calibration gap above ${report.thresholds.max_calibration_gap}` : ''}.`,
    '',
    ...report.tradeoffs.explanation.flatMap((paragraph) => [paragraph, '']),
  ].join('\n').trimEnd();
}
