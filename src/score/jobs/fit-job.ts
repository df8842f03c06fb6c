/**
 * `tributary model fit`: read a CSV, plan the features (protected columns never among them), split
 * off held-out rows (the latest 20% of times with `time`, else 20% at random), fit the additive
 * model, evaluate it against the baselines, audit it for each protected attribute, and write
 * `model.json`, `model-card.md`, `evaluation.json`, `fairness.json` and `charts/*.vl.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelCard } from '../card/model-card.ts';
import { calibrationChart, fairnessRatesChart, groupCalibrationChart, liftChart, shapesChart } from '../charts/chart-specs.ts';
import { fitAdditiveModel, type FitResult } from '../fit/fit-additive-model.ts';
import type { FitOptions } from '../fit/fit-options.ts';
import { randomSplit, timeSplit } from '../table/data-split.ts';
import { featureColumns, subsetColumn } from '../table/feature-columns.ts';
import { planFeatures, type PlanOptions } from '../table/feature-plan.ts';
import { parseLabels, requireBothClasses } from '../table/label-column.ts';
import { readCsvTable } from '../table/csv-table.ts';
import { ScoreInputError } from '../table/score-input-error.ts';
import { evaluateHeldOut } from './held-out-evaluation.ts';
import { modelFairness } from './model-fairness.ts';

export interface FitJobOptions extends PlanOptions {
  data: string;
  out: string;
  seed: number;
  testFraction: number;
  /** Share of held-out rows the audit selects; default the training base rate clamped to [0.05, 0.5]. */
  auditShare?: number;
  minGroupSize: number;
  fit: Omit<FitOptions, 'label' | 'seed'>;
}

export interface FitJobResult {
  fit: FitResult;
  files: string[];
  warnings: string[];
  summary: string[];
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'attribute';

/** Runs the whole fit. Progress goes to `progress`; warnings are returned (and written into the card). */
export async function runFitJob(options: FitJobOptions, progress: (message: string) => void = () => {}): Promise<FitJobResult> {
  const table = await readCsvTable(options.data);
  progress(`read ${table.rows.toLocaleString('en-GB')} rows and ${table.columns.length} columns from ${options.data}`);
  if (table.rows < 20) throw new ScoreInputError('TRB_SCORE_CSV', `${options.data} has only ${table.rows} data rows; fitting and evaluating a model needs at least 20`);
  const plan = planFeatures(table, options);
  const labels = parseLabels(table, options.label);
  requireBothClasses(labels, options.label, options.data);
  const split = options.time
    ? timeSplit(table.cells.get(options.time)!, { testFraction: options.testFraction, column: options.time, lines: table.lines })
    : randomSplit(labels, options.testFraction, options.seed);
  const converted = featureColumns(table, plan.features);
  const pick = (rows: Int32Array) => ({ features: converted.columns.map((c) => subsetColumn(c, rows)), labels: Uint8Array.from(rows, (i) => labels[i]!) });
  const train = pick(split.train);
  const test = pick(split.test);
  requireBothClasses(train.labels, options.label, `the training rows (split ${split.description})`);
  const warnings = [...plan.warnings];
  if (test.labels.every((y) => y === test.labels[0])) warnings.push(`the held-out rows all have ${options.label} = ${test.labels[0]}: AUC cannot be measured on them`);
  progress(`fitting on ${train.labels.length.toLocaleString('en-GB')} rows with ${plan.features.length} features`);
  const fit = fitAdditiveModel(train, { ...options.fit, label: options.label, seed: options.seed }, progress);
  warnings.push(...fit.warnings);
  const heldOut = evaluateHeldOut(fit, train, test, split.description);
  progress('evaluated on held-out rows; auditing');
  const baseRate = fit.model.training.baseRate;
  const fairness = modelFairness({
    protectedCells: new Map((options.protected ?? []).map((name) => [name, table.cells.get(name)!])),
    train: { rows: split.train, features: train.features },
    test: { rows: split.test, features: test.features, labels: test.labels, probabilities: heldOut.probabilities },
    selectionShare: options.auditShare ?? Math.min(0.5, Math.max(0.05, baseRate)),
    thresholds: { min_group_size: options.minGroupSize },
    seed: options.seed,
  });
  const files = await writeOutputs(options.out, fit, heldOut, fairness, { ...options, excluded: plan.excluded, warnings });
  return { fit, files, warnings, summary: summaryLines(fit, heldOut.report, fairness) };
}

async function writeOutputs(
  out: string, fit: FitResult, heldOut: ReturnType<typeof evaluateHeldOut>, fairness: ReturnType<typeof modelFairness>,
  context: { data: string; excluded: Array<{ name: string; reason: string }>; warnings: string[] },
): Promise<string[]> {
  await mkdir(join(out, 'charts'), { recursive: true });
  const fairnessCharts = (attribute: string) => [`charts/fairness-${slug(attribute)}.vl.json`, `charts/calibration-${slug(attribute)}.vl.json`];
  const documents: Array<[string, unknown]> = [
    ['model.json', fit.model],
    ['evaluation.json', { ...heldOut.report, scorecard_definition: heldOut.scorecard }],
    ['fairness.json', fairness],
    ['charts/calibration.vl.json', calibrationChart({ 'additive model': heldOut.report.model.calibration, 'logistic regression': heldOut.report.logistic_regression.calibration, scorecard: heldOut.report.scorecard.calibration })],
    ['charts/lift.vl.json', liftChart({ 'additive model': heldOut.report.model.lift, 'logistic regression': heldOut.report.logistic_regression.lift, scorecard: heldOut.report.scorecard.lift })],
    ['charts/shapes.vl.json', shapesChart(fit.model)],
    ...fairness.flatMap((entry): Array<[string, unknown]> => {
      const [rates, calibration] = fairnessCharts(entry.attribute);
      return [[rates!, fairnessRatesChart(entry.audit)], [calibration!, groupCalibrationChart(entry.audit)]];
    }),
  ];
  const card = modelCard({
    model: fit.model, dataFile: context.data, excluded: context.excluded, evaluation: heldOut.report, scorecard: heldOut.scorecard, fairness,
    charts: { calibration: 'charts/calibration.vl.json', lift: 'charts/lift.vl.json', shapes: 'charts/shapes.vl.json', fairness: fairnessCharts },
    warnings: context.warnings,
  });
  for (const [file, document] of documents) await writeFile(join(out, file), `${JSON.stringify(document, null, 2)}\n`);
  await writeFile(join(out, 'model-card.md'), card);
  return [...documents.map(([file]) => join(out, file)), join(out, 'model-card.md')];
}

function summaryLines(fit: FitResult, report: ReturnType<typeof evaluateHeldOut>['report'], fairness: ReturnType<typeof modelFairness>): string[] {
  const auc = (e: typeof report.model) => (e.auc ? `${e.auc.auc.toFixed(3)} [${e.auc.ci_low.toFixed(3)}, ${e.auc.ci_high.toFixed(3)}]` : 'n/a');
  return [
    `features: ${fit.model.features.map((f) => f.name).join(', ')}`,
    `λ = ${fit.model.training.lambda}; fitted in ${fit.stats.seconds.toFixed(1)} s`,
    `held-out AUC: model ${auc(report.model)}, logistic regression ${auc(report.logistic_regression)}, scorecard ${auc(report.scorecard)}`,
    `held-out Brier ${report.model.brier.toFixed(4)}, log-loss ${report.model.log_loss.toFixed(4)}`,
    `calibration (held-out): mean predicted ${report.model.mean_predicted.toFixed(4)} against observed ${report.model.base_rate.toFixed(4)}; expected calibration error ${report.model.ece.toFixed(4)} over ${report.model.calibration.length} bins`,
    ...fairness.map((entry) => {
      const flagged = entry.audit.group_order.filter((g) => entry.audit.groups[g]!.flags.length > 0);
      const flags = flagged.map((g) => `${g} (${entry.audit.groups[g]!.flags.join(', ')})`);
      return `audit of ${entry.attribute}: ${flags.length === 0 ? 'no flags' : `flags in ${flags.join('; ')}`}; proxy AUC ${entry.proxy.max_auc?.toFixed(2) ?? 'n/a'}`;
    }),
  ];
}
