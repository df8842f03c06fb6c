/**
 * The fairness audit of a fitted model on its held-out rows, for each protected attribute: the
 * audit at a threshold that selects as many rows as the training base rate (clamped to 5–50%), and
 * the proxy check of how well the features predict the attribute.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { auditFairness } from '../fairness/fairness-audit.ts';
import type { AuditThresholds, ModelFairness } from '../fairness/fairness-schema.ts';
import { assignGroups } from '../fairness/group-bands.ts';
import { proxyCheck } from '../fairness/proxy-check.ts';

export interface ModelFairnessInput {
  /** Protected column name → its raw cells over every row of the table. */
  protectedCells: ReadonlyMap<string, readonly string[]>;
  train: { rows: Int32Array; features: readonly FeatureColumn[] };
  test: { rows: Int32Array; features: readonly FeatureColumn[]; labels: Uint8Array; probabilities: Float64Array };
  /** Share of held-out rows to select; default the training base rate clamped to [0.05, 0.5]. */
  selectionShare: number;
  thresholds?: Partial<AuditThresholds>;
  seed: number;
}

/** The score at which `share` of the rows are selected (score ≥ threshold). */
export function thresholdForShare(scores: Float64Array, share: number): number {
  const sorted = Float64Array.from(scores).sort().reverse();
  const k = Math.min(sorted.length, Math.max(1, Math.round(share * sorted.length)));
  return sorted[k - 1]!;
}

export function modelFairness(input: ModelFairnessInput): ModelFairness {
  const threshold = thresholdForShare(input.test.probabilities, input.selectionShare);
  let selected = 0;
  for (const p of input.test.probabilities) if (p >= threshold) selected++;
  return [...input.protectedCells].map(([attribute, cells]) => {
    const assignment = assignGroups(cells);
    const pick = (rows: Int32Array) => Array.from(rows, (i) => assignment.groups[i]!);
    const audit = auditFairness({
      groupColumn: attribute,
      scores: input.test.probabilities,
      labels: input.test.labels,
      groups: { groups: pick(input.test.rows), banding: assignment.banding },
      threshold,
      thresholds: input.thresholds,
    });
    const proxy = proxyCheck({
      attribute,
      train: { features: input.train.features, groups: pick(input.train.rows) },
      test: { features: input.test.features, groups: pick(input.test.rows) },
      minGroupSize: audit.thresholds.min_group_size,
      seed: input.seed,
    });
    return { attribute, selection_share: selected / input.test.probabilities.length, audit, proxy };
  });
}
