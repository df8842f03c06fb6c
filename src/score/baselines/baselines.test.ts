import { describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../features/feature-column.ts';
import { seededRandom, normalDraw } from '../numerics/seeded-random.ts';
import { sigmoid } from '../numerics/logistic.ts';
import { syntheticCohort } from '../synthetic/synthetic-cohort.ts';
import { auc } from '../evaluation/auc-delong.ts';
import { fitLogisticRegression } from './logistic-regression.ts';
import { informationValue } from './information-value.ts';
import { fitPointsScorecard, PointsScorecardSchema, scorecardProbabilities } from './points-scorecard.ts';

describe('plain logistic regression', () => {
  it('recovers the coefficients of a linear truth (per standard deviation)', () => {
    const random = seededRandom(9);
    const n = 20_000;
    const x = Float64Array.from({ length: n }, () => normalDraw(random));
    const flag = Float64Array.from({ length: n }, () => (random() < 0.5 ? 1 : 0));
    const labels = Uint8Array.from(x, (v, i) => (random() < sigmoid(-0.5 + 0.8 * v + 1.2 * flag[i]!) ? 1 : 0));
    const features: FeatureColumn[] = [{ kind: 'numeric', name: 'x', values: x }, { kind: 'binary', name: 'flag', values: flag }];
    const model = fitLogisticRegression(features, labels);
    const [xTerm, flagTerm] = model.terms;
    if (xTerm?.kind !== 'linear' || flagTerm?.kind !== 'linear') throw new Error('expected linear terms');
    expect(xTerm.coef / xTerm.sd).toBeCloseTo(0.8, 1);
    expect(flagTerm.coef / flagTerm.sd).toBeCloseTo(1.2, 1);
  });
});

describe('the points scorecard', () => {
  const train = syntheticCohort({ rows: 5000, seed: 3 });
  const test = syntheticCohort({ rows: 5000, seed: 4 });
  const card = fitPointsScorecard(train.features, train.labels);

  it('uses the five strongest features, each with whole, non-negative points and a zero band', () => {
    expect(card.features).toHaveLength(5);
    card.features.forEach((feature) => {
      expect(feature.points.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      expect(feature.points).toContain(0);
    });
    const ivs = card.features.map((f) => f.informationValue);
    expect(ivs).toEqual([...ivs].sort((a, b) => b - a));
    expect(PointsScorecardSchema.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });

  it('ranks held-out rows better than chance, with probabilities from the total', () => {
    const { points, probability } = scorecardProbabilities(card, test.features);
    expect(auc(probability, test.labels)!).toBeGreaterThan(0.65);
    expect(auc(points, test.labels)).toBeCloseTo(auc(probability, test.labels)!, 12);
  });

  it('scores information value: 0 for an uninformative split, more for a telling one', () => {
    expect(informationValue(Int32Array.from([0, 1, 0, 1]), Uint8Array.from([1, 1, 0, 0]), 2)).toBeCloseTo(0, 12);
    expect(informationValue(Int32Array.from([0, 0, 1, 1]), Uint8Array.from([1, 1, 0, 0]), 2)).toBeGreaterThan(1);
  });
});
