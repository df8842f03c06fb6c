import { describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../features/feature-column.ts';
import { seededRandom } from '../numerics/seeded-random.ts';
import { cramersV } from './cramers-v.ts';
import { proxyCheck } from './proxy-check.ts';

function split(n: number, seed: number) {
  const random = seededRandom(seed);
  const groups = Array.from({ length: n }, () => (random() < 0.4 ? 'P' : 'Q'));
  const features: FeatureColumn[] = [
    { kind: 'categorical', name: 'neighbourhood', values: groups.map((g) => (random() < 0.9 ? `${g}-side` : 'middle')) },
    { kind: 'numeric', name: 'noise', values: Float64Array.from({ length: n }, () => random()) },
  ];
  return { features, groups };
}

describe('the proxy check', () => {
  it('finds a feature that stands in for the protected attribute', () => {
    const check = proxyCheck({ attribute: 'ethnicity', train: split(2000, 1), test: split(1000, 2), minGroupSize: 30 });
    expect(check.max_auc!).toBeGreaterThan(0.85);
    expect(check.features[0]!.feature).toBe('neighbourhood');
    expect(check.features[0]!.cramers_v).toBeGreaterThan(0.7);
    expect(check.features[1]!.cramers_v).toBeLessThan(0.1);
    expect(check.interpretation).toMatch(/strongly predict "ethnicity"/);
  });

  it("computes Cramér's V: 1 for a copy, 0 for independence", () => {
    expect(cramersV(Int32Array.from([0, 1, 2, 0, 1, 2]), Int32Array.from([5, 6, 7, 5, 6, 7]))).toBeCloseTo(1, 12);
    expect(cramersV(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 1, 0, 1]))).toBeCloseTo(0, 12);
  });
});
