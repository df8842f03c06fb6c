/**
 * The model card (`model-card.md`): what the model is for and not for, what it was trained on,
 * how it performs on held-out rows against simple baselines, what each feature contributes, how it
 * treats protected groups, and its limitations — the document the governance lead reads before
 * approving a model version.
 */
import type { PointsScorecard } from '../baselines/points-scorecard.ts';
import type { EvaluationReport } from '../evaluation/evaluation-schema.ts';
import type { ModelFairness } from '../fairness/fairness-schema.ts';
import { shapeCells } from '../features/feature-handlers.ts';
import type { AdditiveModel, FeatureShape } from '../model/model-schema.ts';
import { evaluationSection } from './evaluation-section.ts';
import { fairnessSection } from './fairness-section.ts';
import { count, fixed, markdownTable, percent } from './markdown.ts';

export interface ModelCardInput {
  model: AdditiveModel;
  dataFile: string;
  excluded: ReadonlyArray<{ name: string; reason: string }>;
  evaluation: EvaluationReport;
  scorecard: PointsScorecard;
  fairness: ModelFairness;
  /** Chart files, relative to the card. */
  charts: { calibration: string; lift: string; shapes: string; fairness: (attribute: string) => string[] };
  warnings: readonly string[];
}

/** Writes the card as Markdown. */
export function modelCard(input: ModelCardInput): string {
  const { model } = input;
  return [
    `# Model card: ${model.label}`,
    `An additive logistic model (a penalised generalised additive model) predicting \`${model.label}\` = 1, fitted ${model.fittedAt} from \`${input.dataFile}\` (training fingerprint \`${model.trainingFingerprint}\`).`,
    '## Intended use',
    'To help a practitioner notice, early, who may benefit from support. It is a support tool, not an enforcement tool: a score opens a conversation and never decides anything about a person on its own. It must not be used to deny a service, to target enforcement, or on people unlike those it was trained on. It needs the approval of the governance lead before it scores anyone.',
    '## How a score is made',
    `Every score is the intercept plus one visible contribution per feature: logit(probability) = ${fixed(model.intercept, 4)} + Σ contributions. The intercept is the mean training logit; a contribution is how far the person's value for that feature moves the log-odds from average (positive raises the risk). A value never seen in training contributes 0. Each feature's shape is learned from the data (chart: \`${input.charts.shapes}\`).`,
    featureTable(model),
    excludedSection(input.excluded),
    trainingSection(model),
    evaluationSection(input.evaluation, input.scorecard),
    fairnessSection(input.fairness, input.charts.fairness),
    chartsSection(input),
    limitations(input),
  ].join('\n\n') + '\n';
}

/** Mean absolute contribution over the training rows: how much a feature moves scores, on average. */
export function featureImportance(shape: FeatureShape): number {
  const cells = shapeCells(shape);
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  return total === 0 ? 0 : cells.reduce((sum, cell) => sum + cell.count * Math.abs(cell.contribution), 0) / total;
}

function featureTable(model: AdditiveModel): string {
  const rows = [...model.features]
    .sort((a, b) => featureImportance(b) - featureImportance(a))
    .map((shape) => {
      const cells = shapeCells(shape).filter((cell) => cell.count > 0);
      const high = cells.reduce((a, b) => (b.contribution > a.contribution ? b : a), cells[0]!);
      const low = cells.reduce((a, b) => (b.contribution < a.contribution ? b : a), cells[0]!);
      const constraint = shape.kind === 'numeric' && shape.monotone !== 'none' ? ` (${shape.monotone})` : '';
      return [shape.name, `${shape.kind}${constraint}`, shapeCells(shape).length, fixed(featureImportance(shape)),
        high ? `${high.label} (${fixed(high.contribution, 2)})` : '—', low ? `${low.label} (${fixed(low.contribution, 2)})` : '—'];
    });
  return `### Features, by mean absolute contribution\n\n${markdownTable(['feature', 'kind', 'cells', 'mean |contribution|', 'highest-risk cell', 'lowest-risk cell'], rows)}`;
}

function excludedSection(excluded: ModelCardInput['excluded']): string {
  if (excluded.length === 0) return '';
  return `### Columns not used as features\n\n${markdownTable(['column', 'why'], excluded.map((e) => [e.name, e.reason]))}`;
}

function trainingSection(model: AdditiveModel): string {
  const t = model.training;
  const cv = t.crossValidation;
  const calibration = model.calibration.kind === 'platt'
    ? `Calibrated by Platt scaling on ${count(model.calibration.rows)} out-of-fold predictions: calibrated logit = ${fixed(model.calibration.intercept, 4)} + ${fixed(model.calibration.slope, 4)} × raw logit, already folded into the intercept and contributions.`
    : 'Not recalibrated (`--calibration none`).';
  return [
    '## Training',
    `${count(t.rows)} training rows, ${count(t.positives)} with the outcome (${percent(t.baseRate)}). Numeric features in up to ${t.maxBins} quantile bins with a second-difference smoothness penalty, categories with a level each (levels under ${t.minCellCount} rows pooled as "other"), missing values in a cell of their own; fitted by penalised IRLS. Seed ${t.seed}.`,
    cv ? `Penalty strength λ = ${t.lambda}, chosen by ${cv.folds}-fold cross-validation on log-loss over ${count(cv.rows)} rows:\n\n${markdownTable(['λ', 'cross-validated log-loss'], cv.candidates.map((c) => [c.lambda, fixed(c.logLoss, 5)]))}` : `Penalty strength λ = ${t.lambda}.`,
    calibration,
  ].join('\n\n');
}

function chartsSection(input: ModelCardInput): string {
  const files = [input.charts.calibration, input.charts.lift, input.charts.shapes, ...input.fairness.flatMap((f) => input.charts.fairness(f.attribute))];
  return `## Charts\n\nVega-Lite specifications beside this card (open them in the Vega editor or any Vega-Lite viewer):\n\n${files.map((file) => `- [\`${file}\`](${file})`).join('\n')}`;
}

function limitations(input: ModelCardInput): string {
  const items = [
    'The model learns from recorded outcomes. Where recording differs between groups or places (who is stopped, who is referred), the score inherits that difference; the fairness audit can show it but not remove it.',
    'Associations are not causes: a contribution says how a value relates to the outcome in the training data, not that changing it would change the risk.',
    'Shapes are flat beyond the training range of each numeric feature; values outside it get the end bin\'s contribution.',
    'Performance and calibration hold for people like those in the training data, at the time of the training data. Re-check both before each use on new data.',
    ...input.warnings,
  ];
  return `## Limitations and warnings\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}
