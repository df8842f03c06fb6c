import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, logisticProbabilities } from '../baselines/logistic-regression.ts';
import { auc } from '../evaluation/auc-delong.ts';
import { logLoss } from '../evaluation/probability-metrics.ts';
import { shapeCells } from '../features/feature-handlers.ts';
import { parseModel } from '../model/read-model.ts';
import { scoreRows } from '../model/score-rows.ts';
import { logit } from '../numerics/logistic.ts';
import { syntheticCohort, trueAgeEffect } from '../synthetic/synthetic-cohort.ts';
import { fitAdditiveModel } from './fit-additive-model.ts';

const train = syntheticCohort({ rows: 6000, seed: 1 });
const test = syntheticCohort({ rows: 6000, seed: 2 });
const { model, outOfFold } = fitAdditiveModel(train, { label: 'offended', monotone: { prior_contacts: 'increasing' }, fittedAt: '2024-01-01T00:00:00Z' });

describe('the additive model', () => {
  it('beats plain logistic regression on held-out AUC and log-loss when the truth is non-linear', () => {
    const gam = scoreRows(model, test.features).probability;
    const plain = logisticProbabilities(fitLogisticRegression(train.features, train.labels), test.features);
    expect(auc(gam, test.labels)!).toBeGreaterThan(auc(plain, test.labels)! + 0.02);
    expect(logLoss(gam, test.labels)).toBeLessThan(logLoss(plain, test.labels) - 0.01);
  });

  it('learns the peak of risk at age 15–16', () => {
    const age = model.features.find((f) => f.name === 'age')!;
    if (age.kind !== 'numeric') throw new Error('age should be numeric');
    const peak = age.bins.reduce((a, b) => (b.contribution > a.contribution ? b : a));
    expect(peak.min).toBeGreaterThanOrEqual(14);
    expect(peak.max).toBeLessThanOrEqual(17);
    expect(trueAgeEffect((peak.min + peak.max) / 2)).toBeGreaterThan(0.7);
  });

  it('scores every row as exactly intercept + Σ contributions = logit(probability)', () => {
    const scored = scoreRows(model, test.features);
    for (let i = 0; i < 6000; i += 7) {
      const sum = scored.contributions.reduce((s, c) => s + c[i]!, model.intercept);
      expect(Math.abs(sum - logit(scored.probability[i]!))).toBeLessThan(1e-9);
      expect(sum).toBe(scored.logit[i]);
    }
  });

  it('centres contributions on the training rows, so the intercept is the mean training logit', () => {
    for (const shape of model.features) {
      const cells = shapeCells(shape);
      const weighted = cells.reduce((sum, cell) => sum + cell.count * cell.contribution, 0);
      expect(Math.abs(weighted / train.labels.length)).toBeLessThan(1e-9);
    }
    const logits = scoreRows(model, train.features).logit;
    expect(logits.reduce((a, b) => a + b, 0) / logits.length).toBeCloseTo(model.intercept, 9);
  });

  it('keeps a monotone shape monotone', () => {
    const priors = model.features.find((f) => f.name === 'prior_contacts')!;
    if (priors.kind !== 'numeric') throw new Error('prior_contacts should be numeric');
    expect(priors.monotone).toBe('increasing');
    priors.bins.slice(1).forEach((bin, j) => expect(bin.contribution).toBeGreaterThanOrEqual(priors.bins[j]!.contribution - 1e-9));
  });

  it('scores unseen levels and missing values: an unseen level contributes 0', () => {
    const odd = [
      { kind: 'numeric' as const, name: 'age', values: Float64Array.from([NaN, 15]) },
      { kind: 'numeric' as const, name: 'prior_contacts', values: Float64Array.from([NaN, 99]) },
      { kind: 'numeric' as const, name: 'months_at_address', values: Float64Array.from([NaN, -5]) },
      { kind: 'numeric' as const, name: 'attendance', values: Float64Array.from([NaN, 50]) },
      { kind: 'binary' as const, name: 'excluded', values: Float64Array.from([NaN, 7]) },
      { kind: 'categorical' as const, name: 'area', values: ['harbour', null] },
      { kind: 'categorical' as const, name: 'housing', values: [null, 'caravan'] },
    ];
    const scored = scoreRows(model, odd);
    expect(scored.probability.every((p) => p > 0 && p < 1)).toBe(true);
    expect(scored.contributions[5]![0]).toBe(0);
    expect(scored.contributions[6]![1]).toBe(0);
    expect(scored.contributions[4]![1]).toBe(0);
    expect(scored.unseen).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('is plain JSON: a round trip through text scores identically', () => {
    const copy = parseModel(JSON.parse(JSON.stringify(model)));
    expect(Array.from(scoreRows(copy, test.features).probability)).toEqual(Array.from(scoreRows(model, test.features).probability));
    expect(copy.fittedAt).toBe('2024-01-01T00:00:00Z');
  });

  it('chooses the penalty by cross-validation and keeps out-of-fold logits for calibration', () => {
    const cv = model.training.crossValidation!;
    expect(cv.candidates).toHaveLength(6);
    const best = cv.candidates.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
    expect(model.training.lambda).toBe(best.lambda);
    expect(outOfFold.logits).toHaveLength(6000);
    expect(model.calibration.kind).toBe('platt');
  });

  it('refuses data with a single outcome class, naming the counts', () => {
    expect(() => fitAdditiveModel({ features: train.features, labels: new Uint8Array(6000) })).toThrow(/0 positive and 6000 negative/);
  });

  it('refuses a monotone constraint on a non-numeric feature', () => {
    expect(() => fitAdditiveModel(train, { monotone: { area: 'increasing' } })).toThrow(/"area", a categorical feature/);
  });
});
