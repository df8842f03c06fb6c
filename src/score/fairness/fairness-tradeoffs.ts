/**
 * Which fairness criteria can hold together, explained in plain words from the audit's own numbers.
 * When base rates differ and the score is imperfect, calibration within groups and equal false
 * positive and false negative rates cannot all hold (Kleinberg, Mullainathan & Raghavan 2016;
 * Chouldechova 2017): in every group FPR = p/(1 − p) · (1 − PPV)/PPV · (1 − FNR), so with equal PPV
 * and FNR, groups with different base rates p must have different FPRs. Equal selection rates
 * (demographic parity) then cut across both.
 */
import type { AuditThresholds, GroupReport, Tradeoffs } from './fairness-schema.ts';

const f2 = (x: number | null): string => (x === null ? 'undefined' : x.toFixed(2));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The criteria's status and the explanation for the reportable groups (small groups left out). */
export function explainTradeoffs(groups: readonly GroupReport[], thresholds: AuditThresholds, threshold: number): Tradeoffs {
  const reportable = groups.filter((group) => !group.small_group);
  const reference = groups.find((group) => group.is_reference)!;
  const others = reportable.filter((group) => !group.is_reference);
  const status = (flagged: (g: GroupReport) => boolean, applicable = true) =>
    !applicable || others.length === 0 ? 'not_applicable' as const : others.some(flagged) ? 'violated' as const : 'holds' as const;
  const baseDiffers = others.some((g) => Math.abs(g.diff_base_rate ?? 0) > thresholds.max_difference
    || (g.ratio_base_rate !== null && (g.ratio_base_rate < thresholds.min_ratio || g.ratio_base_rate > thresholds.max_ratio)));
  const probabilities = reference.mean_score !== null;
  const criteria = {
    calibration_within_groups: !probabilities ? 'not_applicable' as const
      : reportable.some((g) => g.flags.includes('calibration_gap') || g.flags.includes('observed_expected')) ? 'violated' as const : 'holds' as const,
    equal_fpr: status((g) => g.flags.some((flag) => flag.endsWith('_fpr'))),
    equal_fnr: status((g) => g.flags.some((flag) => flag.endsWith('_fnr'))),
    predictive_parity: status((g) => g.flags.some((flag) => flag.endsWith('_ppv'))),
    demographic_parity: status((g) => g.flags.some((flag) => flag.endsWith('_selection_rate'))),
  };
  if (others.length === 0) {
    return { base_rates_differ: false, criteria, explanation: ['Only one group is large enough to compare, so no fairness comparison can be made.'] };
  }
  const explanation = [
    baseRateSentence(reference, others, baseDiffers),
    ...(baseDiffers ? [impossibilitySentence(), ...others.map((g) => identitySentence(g, reference))] : [sameBaseRateSentence()]),
    paritySentence(reference, others, baseDiffers),
    statusSentence(criteria, reportable, threshold),
    'Which criterion matters most is a choice for the partnership, not a statistical fact: for a support tool a false negative is a young person missed and a false positive an unneeded offer of help. Record the choice, and why, when approving the model.',
  ];
  return { base_rates_differ: baseDiffers, criteria, explanation };
}

function baseRateSentence(reference: GroupReport, others: readonly GroupReport[], differ: boolean): string {
  const list = others.map((g) => `${g.group} ${pct(g.base_rate)} (n = ${g.n})`).join(', ');
  return `Observed outcome rates ${differ ? 'differ' : 'are similar'} between groups: ${reference.group} (the reference, n = ${reference.n}) ${pct(reference.base_rate)}; ${list}.`;
}

function impossibilitySentence(): string {
  return 'Because the base rates differ and no score is perfect, the score cannot at the same time be calibrated within every group (a given score meaning the same risk whatever the group) and give every group equal false positive and false negative rates (Kleinberg, Mullainathan & Raghavan 2016; Chouldechova 2017). At most one of these can hold; pushing towards one moves the other.';
}

function sameBaseRateSentence(): string {
  return 'Because the base rates are similar, calibration within groups and equal error rates are not in principle in conflict here; any gaps below come from the score itself.';
}

/** Chouldechova's identity in one group, and the FPR it would need with the reference's PPV and FNR. */
function identitySentence(group: GroupReport, reference: GroupReport): string {
  const p = group.base_rate;
  if (group.ppv === null || group.fnr === null || reference.ppv === null || reference.fnr === null || p <= 0 || p >= 1 || reference.ppv === 0) {
    return `In ${group.group} the rates needed for the identity FPR = p/(1 − p) · (1 − PPV)/PPV · (1 − FNR) are not all defined (PPV ${f2(group.ppv)}, FNR ${f2(group.fnr)}).`;
  }
  const odds = p / (1 - p);
  const implied = odds * ((1 - reference.ppv) / reference.ppv) * (1 - reference.fnr);
  return `In ${group.group}, FPR = p/(1 − p) · (1 − PPV)/PPV · (1 − FNR) with p = ${f2(p)}, PPV = ${f2(group.ppv)}, FNR = ${f2(group.fnr)} gives the observed FPR ${f2(group.fpr)}. `
    + `Had ${group.group} the reference group's PPV (${f2(reference.ppv)}) and FNR (${f2(reference.fnr)}), its FPR would have to be ${f2(implied)}, against ${f2(reference.fpr)} in ${reference.group}: equal predictive value and equal error rates cannot all hold.`;
}

function paritySentence(reference: GroupReport, others: readonly GroupReport[], differ: boolean): string {
  const rates = [reference, ...others].map((g) => `${g.group} ${pct(g.selection_rate)}`).join(', ');
  return differ
    ? `Selection rates are ${rates}. Equal selection rates (demographic parity) would mean selecting the same share of every group although their outcome rates differ; a calibrated score selects more where more outcomes occur, so parity would need a different threshold per group, which moves the error rates and the meaning of a score apart.`
    : `Selection rates are ${rates}; with similar base rates, equal selection rates are compatible with the other criteria.`;
}

function statusSentence(criteria: Tradeoffs['criteria'], groups: readonly GroupReport[], threshold: number): string {
  const largestGap = Math.max(...groups.map((g) => Math.abs(g.calibration_gap ?? 0)));
  const word = (s: string) => (s === 'holds' ? 'holds' : s === 'violated' ? 'does not hold' : 'not applicable');
  return `At the threshold ${Number(threshold.toPrecision(4))}: calibration within groups ${word(criteria.calibration_within_groups)}`
    + `${criteria.calibration_within_groups === 'not_applicable' ? ' (the scores are not probabilities)' : ` (largest gap between mean score and outcome rate ${largestGap.toFixed(3)})`}; `
    + `equal false positive rates ${word(criteria.equal_fpr)}; equal false negative rates ${word(criteria.equal_fnr)}; `
    + `equal positive predictive value ${word(criteria.predictive_parity)}; equal selection rates ${word(criteria.demographic_parity)}.`;
}
