/**
 * What the version page shows beyond the stored documents: the charts (rendered to SVG, with their
 * numbers in tables on the page), the fairness audit per attribute, and the approval form's fields.
 */
import {
  calibrationChart, fairnessRatesChart, groupCalibrationChart, liftChart, shapesChart,
} from '../../score/charts/chart-specs.ts';
import { shapeCells } from '../../score/index.ts';
import { renderChart, type RenderedChart } from './model-charts.ts';
import type { ModelVersionView } from './models-data.ts';

export interface VersionCharts {
  calibration: RenderedChart;
  lift: RenderedChart;
  shapes: RenderedChart;
  fairness: Array<{ attribute: string; rates: RenderedChart; calibration: RenderedChart }>;
}

/** Renders (or takes from the cache) every chart of a version. */
export async function versionCharts(view: ModelVersionView): Promise<VersionCharts> {
  const { version } = view;
  const e = version.evaluation;
  const key = (name: string) => `${version.id}:${name}`;
  const [calibration, lift, shapes] = await Promise.all([
    renderChart(key('calibration'), 'Calibration on held-out rows', () => calibrationChart({
      'additive model': e.model.calibration, 'points scorecard': e.scorecard.calibration, 'logistic regression': e.logistic_regression.calibration,
    })),
    renderChart(key('lift'), 'Lift by decile on held-out rows', () => liftChart({
      'additive model': e.model.lift, 'points scorecard': e.scorecard.lift, 'logistic regression': e.logistic_regression.lift,
    })),
    renderChart(key('shapes'), 'Each feature’s learned shape (log-odds contribution)', () => shapesChart(version.model)),
  ]);
  const fairness = await Promise.all(version.fairness.map(async (entry) => ({
    attribute: entry.attribute,
    rates: await renderChart(key(`rates-${entry.attribute}`), `Rates by ${entry.attribute}`, () => fairnessRatesChart(entry.audit)),
    calibration: await renderChart(key(`calibration-${entry.attribute}`), `Calibration within groups of ${entry.attribute}`, () => groupCalibrationChart(entry.audit)),
  })));
  return { calibration, lift, shapes, fairness };
}

/** The form's field name for the response to flag number `index` (flag keys hold any characters). */
export const responseField = (index: number) => `response-${index}`;

/** The version's summary list (GOV.UK summary-list rows). */
export function summaryRows(view: ModelVersionView): Array<{ key: { text: string }; value: { text: string } }> {
  const v = view.version;
  const e = v.evaluation;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return [
    row('Fitted', v.createdAt),
    row('Training data fingerprint', v.trainingFingerprint),
    row('Features', v.features.join(', ')),
    row('Outcome', `${v.model.label} (training rows ${e.train_rows}, held-out rows ${e.test_rows}; split ${e.split})`),
    ...(v.approvedAt ? [
      row('Approved', `${v.approvedBy ?? '—'} on ${v.approvedAt}${v.demo ? ` — demo: ${v.demo}` : ''}`),
      row('Justification', v.justification ?? '—'),
    ] : []),
    ...(v.retiredAt ? [row('Retired', `${v.retiredBy ?? '—'} on ${v.retiredAt}: ${v.retiredReason ?? 'no reason recorded'}`)] : []),
  ];
}

/** Every feature's cells with their training counts and contributions: the shapes chart's numbers. */
export function shapeRows(view: ModelVersionView): Array<{ feature: string; cell: string; count: number; contribution: number }> {
  return view.version.model.features.flatMap((shape) => shapeCells(shape).map((cell) => ({
    feature: shape.name, cell: cell.label, count: cell.count, contribution: cell.contribution,
  })));
}
