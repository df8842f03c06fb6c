import { describe, expect, it } from 'vitest';
import { allRows } from '../fit/sparse-design.ts';
import { binOf, numericHandler, quantileEdges } from './numeric-binning.ts';

describe('quantile bins', () => {
  it.each([
    { description: 'few distinct values: one bin each, cut at midpoints', values: [1, 1, 2, 2, 3, 3], maxBins: 8, edges: [1.5, 2.5] },
    { description: 'many values: quantile cuts', values: Array.from({ length: 100 }, (_, i) => i), maxBins: 4, edges: [24, 49, 74] },
    { description: 'heavy ties collapse cuts', values: [...Array<number>(90).fill(0), ...Array.from({ length: 10 }, (_, i) => i + 1)], maxBins: 4, edges: [0] },
    { description: 'no values: no cuts', values: [], maxBins: 4, edges: [] },
  ])('$description', ({ values, maxBins, edges }) => {
    expect(quantileEdges(Float64Array.from(values).sort(), { maxBins, minCellCount: 1 })).toEqual(edges);
  });

  it('puts a value in the first bin whose edge it does not exceed, beyond the range in the end bins, missing last', () => {
    const edges = [1.5, 2.5];
    expect([binOf(edges, -10), binOf(edges, 1.5), binOf(edges, 2), binOf(edges, 99), binOf(edges, NaN)]).toEqual([0, 0, 1, 2, 3]);
  });

  it('learns bins with at least minCellCount values, counting missing apart', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? NaN : i));
    const shape = numericHandler.learn({ kind: 'numeric', name: 'x', values }, allRows(100), { maxBins: 32, minCellCount: 10, maxLevels: 10 });
    expect(shape.bins.length).toBeLessThanOrEqual(9);
    expect(shape.missing.count).toBe(10);
    expect(shape.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(90);
    expect(Array.from(numericHandler.encode(shape, { kind: 'numeric', name: 'x', values: Float64Array.from([NaN]) }))).toEqual([shape.bins.length]);
  });
});
