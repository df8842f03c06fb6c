/** The full held-out evaluation of predicted probabilities: discrimination, accuracy, calibration, lift. */
import { aucWithDelong } from './auc-delong.ts';
import { calibrationCurve, expectedCalibrationError } from './calibration-curve.ts';
import type { ScoreEvaluation } from './evaluation-schema.ts';
import { liftByDecile } from './lift-by-decile.ts';
import { brierScore, logLoss, mean } from './probability-metrics.ts';

/**
 * Evaluates probabilities against 0/1 labels.
 *
 * @example
 * evaluateProbabilities([0.1, 0.8, 0.4], [0, 1, 1]).auc?.auc // 1
 */
export function evaluateProbabilities(probabilities: ArrayLike<number>, labels: ArrayLike<number>): ScoreEvaluation {
  if (probabilities.length === 0) throw new Error('there are no rows to evaluate; the held-out split is empty');
  const calibration = calibrationCurve(probabilities, labels);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  return {
    n: probabilities.length,
    positives,
    base_rate: positives / probabilities.length,
    auc: aucWithDelong(probabilities, labels),
    brier: brierScore(probabilities, labels),
    log_loss: logLoss(probabilities, labels),
    mean_predicted: mean(probabilities),
    ece: expectedCalibrationError(calibration),
    calibration,
    lift: liftByDecile(probabilities, labels),
  };
}
