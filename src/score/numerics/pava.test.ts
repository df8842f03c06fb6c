import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pava } from './pava.ts';

describe('pool adjacent violators', () => {
  it.each([
    { description: 'already increasing is untouched', values: [1, 2, 3], weights: [1, 1, 1], fitted: [1, 2, 3] },
    { description: 'one violation pools its pair', values: [1, 3, 2], weights: [1, 1, 1], fitted: [1, 2.5, 2.5] },
    { description: 'weights pull the pooled value', values: [3, 1], weights: [3, 1], fitted: [2.5, 2.5] },
    { description: 'a decreasing run pools into its mean', values: [4, 3, 2, 1], weights: [1, 1, 1, 1], fitted: [2.5, 2.5, 2.5, 2.5] },
  ])('$description', ({ values, weights, fitted }) => {
    expect(Array.from(pava(values, weights).fitted)).toEqual(fitted);
  });

  it('always returns a non-decreasing sequence with the same weighted sum', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: 1, maxLength: 30 }),
      (pairs) => {
        const values = pairs.map(([v]) => v);
        const weights = pairs.map(([, w]) => w);
        const { fitted } = pava(values, weights);
        for (let i = 1; i < fitted.length; i++) expect(fitted[i]!).toBeGreaterThanOrEqual(fitted[i - 1]! - 1e-9);
        const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x, i) => s + x * weights[i]!, 0);
        expect(sum(fitted)).toBeCloseTo(sum(values), 6);
      },
    ));
  });
});
