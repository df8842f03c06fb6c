/**
 * The fairness audit of a score against outcomes by group, at a threshold: per-group metrics,
 * differences and ratios to the reference group with flags, warnings for small groups and undefined
 * metrics, and the plain-words account of which criteria can hold together.
 */
import { decileEdges } from '../evaluation/calibration-curve.ts';
import { compareToReference, referenceGroup } from './disparities.ts';
import { AuditReportSchema, AuditThresholdsSchema, type AuditReport, type AuditThresholds } from './fairness-schema.ts';
import { explainTradeoffs } from './fairness-tradeoffs.ts';
import type { GroupAssignment } from './group-bands.ts';
import { groupMetrics } from './group-metrics.ts';

export interface AuditInput {
  /** Name of the group column, for the report. */
  groupColumn: string;
  scores: ArrayLike<number>;
  /** 0/1 outcomes. */
  labels: ArrayLike<number>;
  /** The group of every row, from `assignGroups` (which bands numeric columns). */
  groups: GroupAssignment;
  threshold: number;
  thresholds?: Partial<AuditThresholds>;
  /** The group to compare against; default the largest. */
  reference?: string;
}

/**
 * Audits the score by group.
 *
 * @example
 * auditFairness({ groupColumn: 'sex', scores, labels, groups: assignGroups(sex), threshold: 0.3 }).groups['F']?.fpr
 */
export function auditFairness(input: AuditInput): AuditReport {
  const thresholds = AuditThresholdsSchema.parse(input.thresholds ?? {});
  const n = input.scores.length;
  if (n === 0) throw new Error('there are no rows to audit');
  const { groups, banding } = input.groups;
  if (groups.length !== n) throw new Error(`there are ${n} scores but ${groups.length} group values; give one group per row`);
  let probabilities = true;
  for (let i = 0; i < n; i++) if (!(input.scores[i]! >= 0 && input.scores[i]! <= 1)) probabilities = false;
  const edges = probabilities ? decileEdges(input.scores) : null;
  const members = new Map<string, number[]>();
  groups.forEach((group, i) => { (members.get(group) ?? members.set(group, []).get(group)!).push(i); });
  const counts = [...members].map(([group, rows]) => groupMetrics(
    group, rows.map((i) => input.scores[i]!), rows.map((i) => input.labels[i]!), input.threshold, edges,
  ));
  const reference = referenceGroup(counts, input.reference);
  const reports = counts.map((group) => compareToReference(group, reference, thresholds)).sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : 1));
  const warnings = reports.flatMap((group) => group.notes.map((note) => `group "${group.group}": ${note}`));
  if (reference.n < thresholds.min_group_size) warnings.push(`even the reference group "${reference.group}" has fewer than ${thresholds.min_group_size} rows: no comparison is reliable`);
  if (!probabilities) warnings.push('scores are not all within [0, 1], so they are not treated as probabilities: calibration within groups is not assessed');
  return AuditReportSchema.parse({
    group_column: input.groupColumn,
    threshold: input.threshold,
    n,
    scores_are_probabilities: probabilities,
    reference_group: reference.group,
    thresholds,
    banding,
    group_order: reports.map((group) => group.group),
    groups: Object.fromEntries(reports.map((group) => [group.group, group])),
    tradeoffs: explainTradeoffs(reports, thresholds, input.threshold),
    warnings,
  });
}
