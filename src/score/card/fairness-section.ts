/** The model card's fairness audit: one part per protected attribute, with its proxy check. */
import type { AuditReport, ModelFairness } from '../fairness/fairness-schema.ts';
import { count, fixed, markdownTable, percent } from './markdown.ts';

/** The fairness section (or a note that no protected attribute was given). */
export function fairnessSection(fairness: ModelFairness, chartsOf: (attribute: string) => string[]): string {
  if (fairness.length === 0) {
    return '## Fairness audit\n\nNo protected attribute was given (`--protected`), so the model has not been audited for fairness. It must be before anyone approves it.';
  }
  return [
    '## Fairness audit',
    'Protected characteristics are never features of the model: they are used only here, on the held-out rows. '
      + 'A row is selected when its predicted probability is at or above the audit threshold, chosen so that the share selected equals the training base rate (clamped to 5–50%): as many people as are expected to have the outcome.',
    ...fairness.map((entry) => attributeSection(entry, chartsOf(entry.attribute))),
  ].join('\n\n');
}

function attributeSection(entry: ModelFairness[number], charts: string[]): string {
  const { audit, proxy } = entry;
  return [
    `### ${entry.attribute}`,
    `Threshold ${fixed(audit.threshold, 4)} (selects ${percent(entry.selection_share)} of held-out rows); reference group: ${audit.reference_group} (the largest). `
      + `Flags: a ratio to the reference outside [${audit.thresholds.min_ratio}, ${audit.thresholds.max_ratio}], a difference above ${audit.thresholds.max_difference}, or a calibration gap above ${audit.thresholds.max_calibration_gap}; groups under ${audit.thresholds.min_group_size} rows are shown but not flagged.`
      + (audit.banding ? ` "${entry.attribute}" is numeric and was banded at its quartiles.` : ''),
    groupTable(audit),
    ...(audit.warnings.length > 0 ? [`Warnings:\n\n${audit.warnings.map((w) => `- ${w}`).join('\n')}`] : []),
    '#### Which criteria can hold together',
    audit.tradeoffs.explanation.join('\n\n'),
    '#### Do the features stand in for it?',
    proxy.interpretation,
    proxy.groups.length > 0 ? markdownTable(['group', 'one-vs-rest AUC from the features'], proxy.groups.map((g) => [g.group, fixed(g.auc)])) : '',
    `Features most associated with ${entry.attribute} (Cramér's V): ${proxy.features.slice(0, 5).map((f) => `${f.feature} ${fixed(f.cramers_v, 2)}`).join(', ') || 'none'}.`,
    `Charts: ${charts.map((c) => `\`${c}\``).join(', ')}.`,
  ].filter((part) => part !== '').join('\n\n');
}

function groupTable(audit: AuditReport): string {
  return markdownTable(
    ['group', 'n', 'base rate', 'selected', 'FPR', 'FNR', 'PPV', 'AUC', 'mean predicted', 'flags'],
    audit.group_order.map((name) => {
      const g = audit.groups[name]!;
      const flags = g.small_group ? `small group (n < ${audit.thresholds.min_group_size})` : g.is_reference ? 'reference' + (g.flags.length ? `; ${g.flags.join(', ')}` : '') : g.flags.join(', ') || 'none';
      return [name, count(g.n), percent(g.base_rate), percent(g.selection_rate), fixed(g.fpr), fixed(g.fnr), fixed(g.ppv), fixed(g.auc), fixed(g.mean_score), flags];
    }),
  );
}
