import { describe, expect, it } from 'vitest';
import { measureQuality } from './cluster-metrics.ts';

const rec = (source: string, recordId: string, cluster: string, truth: string) => ({ source, recordId, cluster, truth });

describe('linkage quality', () => {
  const records = [
    rec('a', '1', 'c1', 't1'), rec('b', '1', 'c1', 't1'), rec('b', '2', 'c1', 't2'),
    rec('a', '2', 'c2', 't3'), rec('b', '3', 'c3', 't3'),
  ];

  it('counts all pairs for dedupe', () => {
    const q = measureQuality(records, false);
    expect(q.pairwise).toMatchObject({ truePositives: 1, predicted: 3, actual: 2 });
    expect(q.pairwise.precision).toBeCloseTo(1 / 3);
    expect(q.pairwise.recall).toBeCloseTo(1 / 2);
    expect(q.clusters).toEqual({ predicted: 3, trueEntities: 3, exactMatchRate: 0, mixed: 1, split: 1 });
  });

  it('counts only cross-source pairs for link', () => {
    const q = measureQuality(records, true);
    expect(q.pairwise).toMatchObject({ truePositives: 1, predicted: 2, actual: 2 });
  });
});
