/**
 * Differences and ratios of each group's metrics to the reference group's, and the flags raised
 * where they pass the thresholds (ratio outside [min_ratio, max_ratio], or |difference| above
 * max_difference; calibration gap above max_calibration_gap; observed over expected outcomes outside
 * [min_ratio, max_ratio] with a 95% interval that excludes 1 — large and not chance). Groups below the minimum size are
 * compared but never flagged. A ratio to a reference of 0 is null.
 */
import { COMPARED_METRICS, FLAGGED_METRICS, type AuditThresholds, type GroupReport } from './fairness-schema.ts';
import type { GroupCounts } from './group-metrics.ts';

/** The reference group: `requested` if given, else the largest (ties: the first by name). */
export function referenceGroup(groups: readonly GroupCounts[], requested?: string): GroupCounts {
  if (requested !== undefined) {
    const found = groups.find((group) => group.group === requested);
    if (!found) throw new Error(`the reference group "${requested}" does not occur; groups are: ${groups.map((g) => g.group).join(', ')}`);
    return found;
  }
  return [...groups].sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : 1))[0]!;
}

/** The full report of one group against the reference. */
export function compareToReference(group: GroupCounts, reference: GroupCounts, thresholds: AuditThresholds): GroupReport {
  const small = group.n < thresholds.min_group_size;
  const report: GroupReport = {
    ...group,
    notes: [...group.notes],
    is_reference: group === reference,
    small_group: small,
    diff_base_rate: null, ratio_base_rate: null, diff_selection_rate: null, ratio_selection_rate: null,
    diff_fpr: null, ratio_fpr: null, diff_fnr: null, ratio_fnr: null, diff_ppv: null, ratio_ppv: null,
    diff_auc: null, ratio_auc: null,
    ...observedExpected(group),
    flags: [],
  };
  for (const metric of COMPARED_METRICS) {
    const value = group[metric];
    const base = reference[metric];
    if (value === null || base === null) continue;
    report[`diff_${metric}`] = value - base;
    report[`ratio_${metric}`] = base !== 0 ? value / base : null;
    if (base === 0 && group !== reference) report.notes.push(`ratio_${metric} is undefined: the reference group's ${metric} is 0`);
  }
  if (small) {
    report.notes.push(`only ${group.n} rows (fewer than ${thresholds.min_group_size}): reported, not flagged`);
    return report;
  }
  for (const metric of FLAGGED_METRICS) {
    const ratio = report[`ratio_${metric}`];
    const diff = report[`diff_${metric}`];
    if (ratio !== null && (ratio < thresholds.min_ratio || ratio > thresholds.max_ratio)) report.flags.push(`ratio_${metric}`);
    if (diff !== null && Math.abs(diff) > thresholds.max_difference) report.flags.push(`diff_${metric}`);
  }
  if (group.calibration_gap !== null && Math.abs(group.calibration_gap) > thresholds.max_calibration_gap) report.flags.push('calibration_gap');
  const { observed_expected: ratio, observed_expected_low: low, observed_expected_high: high } = report;
  const material = ratio !== null && (ratio < thresholds.min_ratio || ratio > thresholds.max_ratio);
  if (material && low !== null && high !== null && (low > 1 || high < 1)) report.flags.push('observed_expected');
  return report;
}

/**
 * Positives over the sum of the group's scores, with a 95% interval: exp(±1.96/√O) on the log scale
 * for O > 0; for O = 0, from 0 to 3.69/E (the exact Poisson upper bound). Null unless scores are probabilities.
 */
export function observedExpected(group: GroupCounts): Pick<GroupReport, 'observed_expected' | 'observed_expected_low' | 'observed_expected_high'> {
  const expected = group.mean_score === null ? 0 : group.mean_score * group.n;
  if (!(expected > 0)) return { observed_expected: null, observed_expected_low: null, observed_expected_high: null };
  const ratio = group.positives / expected;
  if (group.positives === 0) return { observed_expected: 0, observed_expected_low: 0, observed_expected_high: 3.689 / expected };
  const spread = Math.exp(1.96 / Math.sqrt(group.positives));
  return { observed_expected: ratio, observed_expected_low: ratio / spread, observed_expected_high: ratio * spread };
}
