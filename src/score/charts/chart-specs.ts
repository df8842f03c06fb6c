/**
 * The model card's charts: Vega-Lite specifications kept as JSON files beside this module, each
 * filled with its data by a small function here.
 */
import { readFileSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import { shapeCells } from '../features/feature-handlers.ts';
import type { CalibrationBin, LiftDecile } from '../evaluation/evaluation-schema.ts';
import type { AuditReport } from '../fairness/fairness-schema.ts';
import type { AdditiveModel } from '../model/model-schema.ts';

type Row = Record<string, string | number | null>;

function filled(template: string, values: Row[], title?: string): TopLevelSpec {
  const spec = JSON.parse(readFileSync(new URL(`./${template}.vl.json`, import.meta.url), 'utf8')) as TopLevelSpec;
  return { ...spec, ...(title ? { title } : {}), data: { values } };
}

/** Calibration curves of several scores (e.g. the model and its baselines). */
export function calibrationChart(series: Record<string, readonly CalibrationBin[]>): TopLevelSpec {
  return filled('calibration-curve', Object.entries(series).flatMap(([name, bins]) => bins.map((bin) => ({ series: name, ...bin }))));
}

/** Lift by decile of several scores. */
export function liftChart(series: Record<string, readonly LiftDecile[]>): TopLevelSpec {
  return filled('lift-by-decile', Object.entries(series).flatMap(([name, deciles]) => deciles.map((d) => ({ series: name, decile: d.decile, rate: d.rate, lift: d.lift }))));
}

/** Every feature's learned shape: the contribution of each bin or level. */
export function shapesChart(model: AdditiveModel): TopLevelSpec {
  return filled('feature-shapes', model.features.flatMap((shape, f) => shapeCells(shape).map((cell, j) => ({
    feature: shape.name, feature_order: f, cell: cell.label, cell_order: j, count: cell.count, contribution: cell.contribution,
  }))));
}

const RATES = ['selection_rate', 'fpr', 'fnr', 'ppv', 'base_rate'] as const;

/** Selection, error and predictive rates by group, flagged groups in red. */
export function fairnessRatesChart(report: AuditReport): TopLevelSpec {
  const values = report.group_order.flatMap((name, g) => {
    const group = report.groups[name]!;
    return RATES.map((metric, m) => ({
      group: name, group_order: g, metric, metric_order: m, value: group[metric], n: group.n,
      flagged: group.flags.some((flag) => flag.endsWith(`_${metric}`)) ? 'yes' : 'no',
    }));
  });
  return filled('fairness-rates', values, `Rates by ${report.group_column} at threshold ${report.threshold}`);
}

/** Calibration within each group (probability scores only). */
export function groupCalibrationChart(report: AuditReport): TopLevelSpec {
  const values = report.group_order.flatMap((name) => (report.groups[name]!.calibration ?? []).map((bin) => ({ group: name, ...bin })));
  return filled('group-calibration', values, `Calibration within groups of ${report.group_column}`);
}
