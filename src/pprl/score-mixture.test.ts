import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';
import { fitScoreMixture, matchWeight, scoreHistogram } from './score-mixture.ts';

/** Scores from two normal bumps (matches near 0.92, non-matches near 0.6), clipped to [0, 1]. */
function scores(matches: number, nonMatches: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const normal = (mean: number, sd: number): number => {
    const u = 1 - random();
    return Math.min(1, Math.max(0, mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())));
  };
  return Float64Array.from([...Array.from({ length: matches }, () => normal(0.92, 0.04)), ...Array.from({ length: nonMatches }, () => normal(0.6, 0.05))]);
}

describe('fitScoreMixture', () => {
  it.each([
    { description: 'balanced classes', matches: 3000, nonMatches: 3000 },
    { description: 'rare matches', matches: 300, nonMatches: 20000 },
    { description: 'mostly matches', matches: 5000, nonMatches: 1500 },
  ])('learns the match share and a threshold between the bumps with $description', ({ matches, nonMatches }) => {
    const fit = fitScoreMixture(scoreHistogram(scores(matches, nonMatches, 3)));
    expect(fit.prior).toBeCloseTo(matches / (matches + nonMatches), 1);
    expect(fit.threshold).toBeGreaterThan(0.68);
    expect(fit.threshold).toBeLessThan(0.84);
  });

  it('gives a posterior that never falls as the score rises, and matches at the threshold', () => {
    const fit = fitScoreMixture(scoreHistogram(scores(2000, 8000, 5)));
    let previous = 0;
    for (let s = 0; s <= 1; s += 0.001) {
      expect(fit.posterior(s)).toBeGreaterThanOrEqual(previous);
      previous = fit.posterior(s);
    }
    expect(fit.posterior(fit.threshold)).toBeGreaterThanOrEqual(0.5);
    expect(fit.posterior(fit.threshold - 0.002)).toBeLessThan(0.5);
    expect(fit.posterior(0.05)).toBeLessThan(1e-6);
  });

  it('stays sensible on a handful of pairs: a near-identical pair matches, a dissimilar one does not', () => {
    const fit = fitScoreMixture(scoreHistogram(Float64Array.of(0.98, 0.55)));
    expect(fit.posterior(0.98)).toBeGreaterThan(0.5);
    expect(fit.posterior(0.55)).toBeLessThan(0.5);
    expect(fitScoreMixture(scoreHistogram(new Float64Array(0))).threshold).toBeLessThan(1);
  });

  it('converts posteriors to finite log2-odds weights', () => {
    expect(matchWeight(0.5)).toBe(0);
    expect(matchWeight(0.8)).toBeCloseTo(2, 10);
    expect(Number.isFinite(matchWeight(1))).toBe(true);
    expect(Number.isFinite(matchWeight(0))).toBe(true);
  });
});
