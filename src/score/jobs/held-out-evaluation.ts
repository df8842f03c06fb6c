/**
 * Evaluates a fitted model on held-out rows against its two baselines (plain logistic regression and
 * the points scorecard, both fitted on the same training rows), and compares calibrations: none,
 * Platt (shipped) and isotonic (a diagnostic, fitted on the same out-of-fold logits as Platt).
 */
import { fitLogisticRegression, logisticProbabilities } from '../baselines/logistic-regression.ts';
import { fitPointsScorecard, scorecardProbabilities, type PointsScorecard } from '../baselines/points-scorecard.ts';
import { applyIsotonic, fitIsotonic } from '../calibration/isotonic-calibration.ts';
import { calibrationCurve, expectedCalibrationError } from '../evaluation/calibration-curve.ts';
import { evaluateProbabilities } from '../evaluation/evaluate-scores.ts';
import type { EvaluationReport } from '../evaluation/evaluation-schema.ts';
import { brierScore, logLoss } from '../evaluation/probability-metrics.ts';
import type { FeatureColumn } from '../features/feature-column.ts';
import type { FitResult } from '../fit/fit-additive-model.ts';
import { scoreRows } from '../model/score-rows.ts';
import { sigmoid } from '../numerics/logistic.ts';

export interface HeldOut {
  report: EvaluationReport;
  scorecard: PointsScorecard;
  /** The model's held-out probabilities (for the fairness audit). */
  probabilities: Float64Array;
}

export function evaluateHeldOut(
  fit: FitResult, train: { features: FeatureColumn[]; labels: Uint8Array }, test: { features: FeatureColumn[]; labels: Uint8Array }, split: string,
): HeldOut {
  const scored = scoreRows(fit.model, test.features);
  const logistic = fitLogisticRegression(train.features, train.labels);
  const scorecard = fitPointsScorecard(train.features, train.labels);
  const report: EvaluationReport = {
    split,
    train_rows: train.labels.length,
    test_rows: test.labels.length,
    model: evaluateProbabilities(scored.probability, test.labels),
    logistic_regression: evaluateProbabilities(logisticProbabilities(logistic, test.features), test.labels),
    scorecard: evaluateProbabilities(scorecardProbabilities(scorecard, test.features).probability, test.labels),
    calibration_comparison: compareCalibrations(fit, train.labels, scored.logit, test.labels),
  };
  return { report, scorecard, probabilities: scored.probability };
}

function compareCalibrations(fit: FitResult, trainLabels: Uint8Array, logits: Float64Array, labels: Uint8Array): EvaluationReport['calibration_comparison'] {
  const calibration = fit.model.calibration;
  const raw = calibration.kind === 'platt' && calibration.slope > 0
    ? Float64Array.from(logits, (eta) => (eta - calibration.intercept) / calibration.slope)
    : logits;
  const isotonic = fitIsotonic(fit.outOfFold.logits, Uint8Array.from(fit.outOfFold.rows, (row) => trainLabels[row]!));
  const methods = {
    none: Float64Array.from(raw, sigmoid),
    ...(calibration.kind === 'platt' ? { platt: Float64Array.from(logits, sigmoid) } : {}),
    isotonic: Float64Array.from(raw, (eta) => applyIsotonic(isotonic, eta)),
  };
  return Object.entries(methods).map(([method, p]) => ({
    method: method as 'none' | 'platt' | 'isotonic',
    brier: brierScore(p, labels),
    log_loss: logLoss(p, labels),
    ece: expectedCalibrationError(calibrationCurve(p, labels)),
  }));
}
