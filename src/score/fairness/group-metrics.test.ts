import { describe, expect, it } from 'vitest';
import { groupMetrics } from './group-metrics.ts';

// Hand-computed at threshold 0.5 (selected = score ≥ 0.5).
const cases = [
  {
    description: 'a mixed group: TP 2, FP 1, FN 2 of 4 positives and 6 negatives',
    labels: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    scores: [0.9, 0.8, 0.3, 0.2, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1],
    expected: { n: 10, positives: 4, negatives: 6, selected: 3, base_rate: 0.4, selection_rate: 0.3, fpr: 1 / 6, fnr: 0.5, ppv: 2 / 3, auc: 22 / 24, mean_score: 0.34, calibration_gap: 0.34 - 0.4 },
    notes: 0,
  },
  {
    description: 'only positives: FPR and AUC undefined (null), not 0',
    labels: [1, 1, 1, 1, 1],
    scores: [0.6, 0.6, 0.4, 0.9, 0.2],
    expected: { n: 5, selected: 3, base_rate: 1, selection_rate: 0.6, fpr: null, fnr: 0.4, ppv: 1, auc: null },
    notes: 2,
  },
  {
    description: 'only negatives: FNR and AUC undefined; PPV 0 with one false positive',
    labels: [0, 0, 0, 0],
    scores: [0.6, 0.1, 0.2, 0.3],
    expected: { n: 4, selected: 1, base_rate: 0, fpr: 0.25, fnr: null, ppv: 0, auc: null },
    notes: 2,
  },
  {
    description: 'nobody selected: PPV undefined',
    labels: [1, 0],
    scores: [0.2, 0.1],
    expected: { selected: 0, selection_rate: 0, fpr: 0, fnr: 1, ppv: null, auc: 1 },
    notes: 1,
  },
];

describe('group metrics on hand-computed tables', () => {
  it.each(cases)('$description', ({ labels, scores, expected, notes }) => {
    const metrics = groupMetrics('g', scores, labels, 0.5, [0.5]);
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(metrics[key as keyof typeof metrics], key).toBeNull();
      else expect(metrics[key as keyof typeof metrics], key).toBeCloseTo(value as number, 12);
    }
    expect(metrics.notes).toHaveLength(notes);
  });

  it('leaves calibration out when the scores are not probabilities', () => {
    const metrics = groupMetrics('g', [3, 7], [0, 1], 5, null);
    expect(metrics).toMatchObject({ mean_score: null, calibration_gap: null, calibration: null, selected: 1 });
  });
});
