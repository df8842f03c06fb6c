/**
 * The fairness flags of a version's report, each with a stable key: one per flagged comparison of a
 * group with the reference (`ethnicity|Black|ratio_fpr`), and one per attribute whose proxy check
 * says the features stand in for it (`sen||proxy_auc`). The governance lead answers every one.
 */
import type { ModelFairness } from '../fairness/fairness-schema.ts';

export interface FairnessFlag {
  key: string;
  attribute: string;
  group: string | null;
  metric: string;
  /** The flag in plain words, with the numbers. */
  text: string;
}

/** Proxy AUC from which the features are said to stand in for the attribute (as the proxy check reports). */
export const PROXY_FLAG_AUC = 0.7;

const metricNames: Record<string, string> = {
  selection_rate: 'selection rate', fpr: 'false positive rate', fnr: 'false negative rate', ppv: 'positive predictive value', auc: 'AUC',
};

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));

/** Every flag of the report, in report order (attribute, then group as the audit orders them). */
export function fairnessFlags(fairness: ModelFairness): FairnessFlag[] {
  return fairness.flatMap((entry) => {
    const { audit } = entry;
    const groupFlags = audit.group_order.flatMap((group) => {
      const report = audit.groups[group]!;
      return report.flags.map((flag): FairnessFlag => {
        const key = `${entry.attribute}|${group}|${flag}`;
        if (flag === 'observed_expected') {
          return { key, attribute: entry.attribute, group, metric: flag, text: `${entry.attribute} = ${group}: ${report.positives} recorded outcomes against ${fmt((report.mean_score ?? 0) * report.n)} expected from the scores (observed/expected ${fmt(report.observed_expected)}, 95% interval ${fmt(report.observed_expected_low)}–${fmt(report.observed_expected_high)}): the outcome may be recorded more or less often for this group` };
        }
        if (flag === 'calibration_gap') {
          return { key, attribute: entry.attribute, group, metric: flag, text: `${entry.attribute} = ${group}: mean score differs from the observed rate by ${fmt(report.calibration_gap)} (limit ±${audit.thresholds.max_calibration_gap})` };
        }
        const [kind, ...rest] = flag.split('_');
        const metric = rest.join('_');
        const value = (report as Record<string, unknown>)[flag] as number | null;
        const mine = (report as Record<string, unknown>)[metric] as number | null;
        const ref = (audit.groups[audit.reference_group] as Record<string, unknown> | undefined)?.[metric] as number | null | undefined;
        const limit = kind === 'ratio' ? `outside [${audit.thresholds.min_ratio}, ${audit.thresholds.max_ratio}]` : `beyond ±${audit.thresholds.max_difference}`;
        return {
          key, attribute: entry.attribute, group, metric: flag,
          text: `${entry.attribute} = ${group}: ${metricNames[metric] ?? metric} ${fmt(mine)} against ${fmt(ref)} for ${audit.reference_group} (${kind} ${fmt(value)}, ${limit})`,
        };
      });
    });
    const proxy = entry.proxy.max_auc !== null && entry.proxy.max_auc >= PROXY_FLAG_AUC
      ? [{ key: `${entry.attribute}||proxy_auc`, attribute: entry.attribute, group: null, metric: 'proxy_auc', text: `${entry.attribute}: the features predict it with AUC ${fmt(entry.proxy.max_auc)} (proxy check; ${PROXY_FLAG_AUC} or more flags it)` }]
      : [];
    return [...groupFlags, ...proxy];
  });
}
