/**
 * Per-group metrics at a threshold (a row is selected when its score ≥ the threshold): base rate,
 * selection rate, false positive and false negative rates, positive predictive value, AUC and — when
 * the scores are probabilities — calibration within the group. Undefined rates are null with a note.
 */
import { auc } from '../evaluation/auc-delong.ts';
import { calibrationCurve } from '../evaluation/calibration-curve.ts';
import type { CalibrationBin } from '../evaluation/evaluation-schema.ts';

export interface GroupCounts {
  group: string;
  n: number;
  positives: number;
  negatives: number;
  selected: number;
  base_rate: number;
  selection_rate: number;
  fpr: number | null;
  fnr: number | null;
  ppv: number | null;
  auc: number | null;
  mean_score: number | null;
  calibration_gap: number | null;
  calibration: CalibrationBin[] | null;
  notes: string[];
}

/** The metrics of the rows of one group. */
export function groupMetrics(
  group: string, scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number,
  calibrationEdges: number[] | null,
): GroupCounts {
  const n = scores.length;
  let positives = 0, selected = 0, truePositives = 0, falsePositives = 0, scoreSum = 0;
  for (let i = 0; i < n; i++) {
    const positive = labels[i] === 1;
    const chosen = scores[i]! >= threshold;
    positives += positive ? 1 : 0;
    selected += chosen ? 1 : 0;
    truePositives += positive && chosen ? 1 : 0;
    falsePositives += !positive && chosen ? 1 : 0;
    scoreSum += scores[i]!;
  }
  const negatives = n - positives;
  const notes: string[] = [];
  if (negatives === 0) notes.push('no negative outcomes: fpr is undefined');
  if (positives === 0) notes.push('no positive outcomes: fnr is undefined');
  if (selected === 0) notes.push('nobody selected at this threshold: ppv is undefined');
  if (negatives === 0 || positives === 0) notes.push('only one outcome class: auc is undefined');
  const probabilities = calibrationEdges !== null;
  return {
    group, n, positives, negatives, selected,
    base_rate: positives / n,
    selection_rate: selected / n,
    fpr: negatives > 0 ? falsePositives / negatives : null,
    fnr: positives > 0 ? (positives - truePositives) / positives : null,
    ppv: selected > 0 ? truePositives / selected : null,
    auc: auc(scores, labels),
    mean_score: probabilities ? scoreSum / n : null,
    calibration_gap: probabilities ? scoreSum / n - positives / n : null,
    calibration: probabilities ? calibrationCurve(scores, labels, calibrationEdges) : null,
    notes,
  };
}
