/** The model card's held-out evaluation: the model against its baselines, calibration and lift. */
import type { EvaluationReport, ScoreEvaluation } from '../evaluation/evaluation-schema.ts';
import type { PointsScorecard } from '../baselines/points-scorecard.ts';
import { shapeCells } from '../features/feature-handlers.ts';
import { count, fixed, markdownTable, percent } from './markdown.ts';

const aucText = (e: ScoreEvaluation) => (e.auc ? `${fixed(e.auc.auc)} [${fixed(e.auc.ci_low)}, ${fixed(e.auc.ci_high)}]` : '— (one outcome class)');

/** The evaluation section. */
export function evaluationSection(report: EvaluationReport, scorecard: PointsScorecard): string {
  const models: Array<[string, ScoreEvaluation]> = [
    ['additive model (this model)', report.model],
    ['plain logistic regression', report.logistic_regression],
    [`points scorecard (${scorecard.features.length} features)`, report.scorecard],
  ];
  return [
    '## Held-out evaluation',
    `Split ${report.split}. Every figure below is on the ${count(report.test_rows)} held-out rows, which took no part in fitting, choosing the penalty or calibrating. AUC with its 95% confidence interval (DeLong).`,
    markdownTable(['score', 'AUC [95% CI]', 'Brier', 'log-loss', 'calibration error (ECE)'],
      models.map(([name, e]) => [name, aucText(e), fixed(e.brier, 4), fixed(e.log_loss, 4), fixed(e.ece, 4)])),
    `Base rate on the held-out rows: ${percent(report.model.base_rate)} (${count(report.model.positives)} of ${count(report.model.n)}).`,
    '### Calibration',
    'Mean predicted probability against the observed outcome rate, by decile of predicted risk (chart: `charts/calibration.vl.json`).',
    markdownTable(['bin', 'rows', 'predicted range', 'mean predicted', 'observed rate'],
      report.model.calibration.map((b) => [b.bin, count(b.n), `${fixed(b.min_predicted)}–${fixed(b.max_predicted)}`, fixed(b.mean_predicted), fixed(b.observed_rate)])),
    'The shipped model is calibrated by Platt scaling on out-of-fold predictions (a linear map of the logit, so the contributions stay exact). Isotonic calibration, fitted on the same out-of-fold predictions, is shown for comparison only:',
    markdownTable(['calibration', 'Brier', 'log-loss', 'ECE'],
      report.calibration_comparison.map((c) => [c.method, fixed(c.brier, 4), fixed(c.log_loss, 4), fixed(c.ece, 4)])),
    '### Lift by decile',
    'Rows ranked by predicted risk, in tenths (decile 1 = highest risk); lift is the decile\'s outcome rate over the base rate (chart: `charts/lift.vl.json`).',
    markdownTable(['decile', 'rows', 'outcome rate', 'lift', 'share of outcomes captured so far'],
      report.model.lift.map((d) => [d.decile, count(d.n), percent(d.rate), fixed(d.lift, 2), percent(d.cumulative_capture)])),
    scorecardSection(scorecard),
  ].join('\n\n');
}

function scorecardSection(card: PointsScorecard): string {
  const rows = card.features.flatMap((feature) => {
    const counts = shapeCells(feature.shape).map((cell) => cell.count);
    return feature.bands.flatMap((band, j) => (counts[j]! > 0 ? [[feature.name, band, feature.points[j]!]] : []));
  });
  return [
    '### The baseline points scorecard',
    `The transparent baseline to beat: the ${card.features.length} features with the highest information value, each in at most five bands, with whole points from a lightly penalised logistic regression (${card.pointsToDoubleOdds} points double the odds; each feature's lowest-risk band scores 0; bands with no training rows are left out). Probability = σ(${fixed(card.calibration.intercept)} + ${fixed(card.calibration.slope, 4)} × points).`,
    markdownTable(['feature', 'band', 'points'], rows),
  ].join('\n\n');
}
