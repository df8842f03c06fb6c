/**
 * How strongly the model's features predict a protected attribute, though the attribute itself is
 * never a feature: for each group (the ten largest of at least the minimum size), the held-out AUC
 * of an additive model predicting membership of that group from the features (one-vs-rest), and
 * each feature's Cramér's V with the attribute. A high AUC means the features can stand in for the
 * attribute, so leaving it out does not stop the score from reflecting it.
 *
 * Rows whose attribute is missing are left out: whether a record is missing (say, a person known to
 * no school has no SEN or FSM status) is predicted by the features as a matter of course — it says
 * how complete the data is, not what the attribute is. A group is tested only when it has at least
 * the minimum group size in the training rows and in the held-out rows (an AUC over three held-out
 * members is noise).
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { encodeColumn, learnShape, orderedCells, shapeCells } from '../features/feature-handlers.ts';
import { auc } from '../evaluation/auc-delong.ts';
import { cellLogits, fitCells } from '../fit/fit-cells.ts';
import { allRows } from '../fit/sparse-design.ts';
import { sampleRows } from '../fit/stratified-folds.ts';
import { cramersV } from './cramers-v.ts';
import type { ProxyCheck } from './fairness-schema.ts';
import { MISSING_GROUP } from './group-bands.ts';


export interface ProxyInput {
  attribute: string;
  train: { features: readonly FeatureColumn[]; groups: readonly string[] };
  test: { features: readonly FeatureColumn[]; groups: readonly string[] };
  minGroupSize: number;
  seed?: number;
}

const MAX_ROWS = 50_000;
const SETTINGS = { maxBins: 8, minCellCount: 10, maxLevels: 32 };

/** Runs the proxy check on a training and a held-out split. */
export function proxyCheck(input: ProxyInput): ProxyCheck {
  const known = (groups: readonly string[]) => Int32Array.from(groups.flatMap((g, i) => (g === MISSING_GROUP ? [] : [i])));
  const trainRows = sampleRows(known(input.train.groups), MAX_ROWS, input.seed ?? 1);
  const testRows = sampleRows(known(input.test.groups), MAX_ROWS, (input.seed ?? 1) + 1);
  const missing = [...input.train.groups, ...input.test.groups].filter((g) => g === MISSING_GROUP).length;
  const shapes = input.train.features.map((column) => learnShape(column, trainRows, SETTINGS));
  const trainCodes = shapes.map((shape, f) => pick(encodeColumn(shape, input.train.features[f]!), trainRows));
  const testCodes = shapes.map((shape, f) => pick(encodeColumn(shape, input.test.features[f]!), testRows));
  const trainGroups = Array.from(trainRows, (i) => input.train.groups[i]!);
  const testGroups = Array.from(testRows, (i) => input.test.groups[i]!);
  const sizes = new Map<string, number>();
  for (const group of trainGroups) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const testSizes = new Map<string, number>();
  for (const group of testGroups) testSizes.set(group, (testSizes.get(group) ?? 0) + 1);
  const candidates = [...sizes]
    .filter(([group, size]) => size >= input.minGroupSize && (testSizes.get(group) ?? 0) >= input.minGroupSize)
    .sort((a, b) => b[1] - a[1]).slice(0, 10);
  const layout = { cells: shapes.map((s) => shapeCells(s).length), ordered: shapes.map((s) => orderedCells(s)) };
  const cellCounts = shapes.map((s) => shapeCells(s).map((c) => c.count));
  const groups = candidates.length < 2 ? [] : candidates.map(([group]) => {
    const labels = Uint8Array.from(trainGroups, (g) => (g === group ? 1 : 0));
    const data = { layout, codes: trainCodes, labels, monotone: shapes.map(() => 'none' as const), cellCounts };
    const fit = fitCells(data, allRows(labels.length), 10);
    const scores = cellLogits({ codes: testCodes }, fit, allRows(testGroups.length));
    return { group, auc: auc(scores, testGroups.map((g) => (g === group ? 1 : 0))) };
  });
  const groupCodes = codesOf(trainGroups);
  const features = shapes
    .map((shape, f) => ({ feature: shape.name, cramers_v: cramersV(trainCodes[f]!, groupCodes) }))
    .sort((a, b) => b.cramers_v - a.cramers_v);
  const aucs = groups.map((g) => g.auc).filter((x): x is number => x !== null);
  const maxAuc = aucs.length > 0 ? Math.max(...aucs) : null;
  const note = missing > 0 ? ` ${missing} row(s) with "${input.attribute}" missing are left out of this check.` : '';
  return { attribute: input.attribute, groups, max_auc: maxAuc, features, interpretation: interpret(input.attribute, maxAuc, features[0]) + note };
}

function pick(codes: Int32Array, rows: Int32Array): Int32Array {
  return Int32Array.from(rows, (i) => codes[i]!);
}

function codesOf(values: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(values, (value) => index.get(value) ?? index.set(value, index.size).get(value)!);
}

function interpret(attribute: string, maxAuc: number | null, strongest: { feature: string; cramers_v: number } | undefined): string {
  if (maxAuc === null) return `Fewer than two groups of "${attribute}" are large enough to test whether the features predict it.`;
  const strength = maxAuc >= 0.8 ? 'strongly' : maxAuc >= 0.7 ? 'moderately' : maxAuc >= 0.6 ? 'weakly' : 'barely';
  const lead = !strongest ? ''
    : strongest.cramers_v >= 0.99
      ? ` The feature "${strongest.feature}" determines it (Cramér's V ${strongest.cramers_v.toFixed(2)}): the attribute is derived from that feature, or the feature is the attribute under another name.`
      : ` The feature most associated with it is "${strongest.feature}" (Cramér's V ${strongest.cramers_v.toFixed(2)}).`;
  return `The features ${strength} predict "${attribute}" (best one-vs-rest AUC ${maxAuc.toFixed(2)}; 0.5 is chance).${lead}`
    + (maxAuc >= 0.7 ? ' Leaving the attribute out of the model does not stop the score from reflecting it: check the audit above for disparities.' : '');
}
