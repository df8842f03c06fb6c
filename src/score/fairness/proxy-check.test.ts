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

describe('the proxy check leaves out what is not the attribute', () => {
  /** A town where people known to no school have no SEN status and only a health record: the features predict the missingness perfectly. */
  function town(n: number, seed: number) {
    const random = seededRandom(seed);
    const groups = Array.from({ length: n }, () => (random() < 0.05 ? '(missing)' : random() < 0.2 ? 'K' : 'N'));
    const features: FeatureColumn[] = [
      { kind: 'binary', name: 'substance_misuse', values: Float64Array.from(groups, (g) => (g === '(missing)' ? 1 : random() < 0.01 ? 1 : 0)) },
      { kind: 'numeric', name: 'noise', values: Float64Array.from({ length: n }, () => random()) },
    ];
    return { features, groups };
  }

  it('does not test or count the "(missing)" group, and says how many rows it left out', () => {
    const check = proxyCheck({ attribute: 'sen', train: town(4000, 3), test: town(1000, 4), minGroupSize: 30 });
    expect(check.groups.map((g) => g.group).sort()).toEqual(['K', 'N']);
    expect(check.max_auc!).toBeLessThan(0.6);
    expect(check.interpretation).toMatch(/row\(s\) with "sen" missing are left out/);
  });

  it('tests a group only when the held-out rows have enough of it', () => {
    const train = town(4000, 5);
    const test = { features: train.features.map((f) => ({ ...f, values: f.values.slice(0, 200) }) as FeatureColumn), groups: train.groups.slice(0, 200) };
    const heldOutK = test.groups.filter((g) => g === 'K').length;
    expect(heldOutK).toBeLessThan(60);
    const check = proxyCheck({ attribute: 'sen', train, test, minGroupSize: 60 });
    expect(check.groups.map((g) => g.group)).not.toContain('K');
    expect(proxyCheck({ attribute: 'sen', train, test: town(2000, 8), minGroupSize: 60 }).groups.map((g) => g.group)).toContain('K');
  });

  it('says when a feature determines the attribute (an age band from the age)', () => {
    const band = (n: number, seed: number) => {
      const random = seededRandom(seed);
      const ages = Float64Array.from({ length: n }, () => 10 + Math.floor(random() * 8));
      return { features: [{ kind: 'numeric', name: 'age', values: ages } as FeatureColumn], groups: Array.from(ages, (a) => (a < 15 ? '10-14' : '15-17')) };
    };
    const check = proxyCheck({ attribute: 'age_band', train: band(3000, 6), test: band(1000, 7), minGroupSize: 30 });
    expect(check.max_auc).toBe(1);
    expect(check.interpretation).toMatch(/"age" determines it/);
  });
});
