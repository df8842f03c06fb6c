import { describe, expect, it } from 'vitest';
import { seededRandom } from '../numerics/seeded-random.ts';
import { auditFairness } from './fairness-audit.ts';
import { assignGroups } from './group-bands.ts';

/** Two large groups with the same outcome rate; group "B" gets scores 0.25 higher (an injected disparity). */
function disparity(n: number) {
  const random = seededRandom(5);
  const groups: string[] = [];
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const group = i % 3 === 0 ? 'B' : 'A';
    const y = random() < 0.3 ? 1 : 0;
    const p = Math.min(0.99, 0.2 + 0.3 * y + 0.4 * random() + (group === 'B' ? 0.25 : 0));
    groups.push(group); labels.push(y); scores.push(p);
  }
  groups.push(...Array<string>(10).fill('C'));
  labels.push(...[1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  scores.push(...[0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
  return { groups, labels, scores };
}

describe('the fairness audit', () => {
  const data = disparity(3000);
  const report = auditFairness({ groupColumn: 'ethnicity', scores: data.scores, labels: data.labels, groups: assignGroups(data.groups), threshold: 0.5 });

  it('compares every group with the largest and flags the injected disparity', () => {
    expect(report.reference_group).toBe('A');
    expect(report.group_order).toEqual(['A', 'B', 'C']);
    const b = report.groups.B!;
    expect(b.flags).toEqual(expect.arrayContaining(['ratio_selection_rate', 'diff_selection_rate', 'ratio_fpr', 'diff_fpr']));
    expect(b.diff_selection_rate).toBeCloseTo(b.selection_rate - report.groups.A!.selection_rate, 12);
    expect(b.ratio_fpr).toBeCloseTo(b.fpr! / report.groups.A!.fpr!, 12);
    // the scores are not calibrated (mean ≈ 0.55 against a rate of 0.3): A's calibration flags are right
    expect(report.groups.A!.flags.filter((f) => f !== 'calibration_gap' && f !== 'observed_expected')).toEqual([]);
    expect(report.groups.A!.observed_expected_high!).toBeLessThan(0.8);
    expect(report.groups.A!.ratio_fpr).toBe(1);
  });

  it('reports a small group with a warning but never flags it', () => {
    const c = report.groups.C!;
    expect(c.small_group).toBe(true);
    expect(c.flags).toEqual([]);
    expect(c.selection_rate).toBe(1);
    expect(report.warnings.some((w) => w.includes('"C"') && w.includes('fewer than 30'))).toBe(true);
  });

  it('explains, from its own numbers, which criteria cannot hold together', () => {
    expect(report.tradeoffs.criteria.equal_fpr).toBe('violated');
    expect(report.tradeoffs.criteria.demographic_parity).toBe('violated');
    const text = report.tradeoffs.explanation.join(' ');
    expect(text).toContain(`${(100 * report.groups.B!.selection_rate).toFixed(1)}%`);
    expect(text).toMatch(/equal selection rates does not hold/);
  });

  it('names the impossibility when base rates differ', () => {
    const labels = [...Array<number>(100).fill(0).map((_, i) => (i < 50 ? 1 : 0)), ...Array<number>(100).fill(0).map((_, i) => (i < 20 ? 1 : 0))];
    const scores = labels.map((y, i) => (y ? 0.6 : 0.3) + (i % 7) / 20);
    const groups = labels.map((_, i) => (i < 100 ? 'X' : 'Y'));
    const audit = auditFairness({ groupColumn: 'g', scores, labels, groups: assignGroups(groups), threshold: 0.5, reference: 'Y' });
    expect(audit.reference_group).toBe('Y');
    expect(audit.tradeoffs.base_rates_differ).toBe(true);
    expect(audit.tradeoffs.explanation.join(' ')).toMatch(/Kleinberg.*Chouldechova/);
    expect(audit.tradeoffs.explanation.join(' ')).toMatch(/In X, FPR = p\/\(1 − p\)/);
  });

  it('rejects an unknown reference group, listing the groups', () => {
    expect(() => auditFairness({ groupColumn: 'g', scores: [0.1], labels: [0], groups: assignGroups(['a']), threshold: 0.5, reference: 'z' })).toThrow(/"z" does not occur; groups are: a/);
  });
});

describe('groups from a column', () => {
  it('bands a numeric column with many values at its quartiles and keeps missing apart', () => {
    const ages = [...Array.from({ length: 40 }, (_, i) => String(18 + i)), 'NA', ''];
    const { groups, banding } = assignGroups(ages);
    expect(banding?.labels).toEqual(['18–27', '28–37', '38–47', '48–57']);
    expect(groups[0]).toBe('18–27');
    expect(groups.slice(-2)).toEqual(['(missing)', '(missing)']);
  });

  it('keeps a column with few values as it is', () => {
    expect(assignGroups(['1', '0', ' 1', null])).toEqual({ groups: ['1', '0', '1', '(missing)'], banding: null });
  });
});

describe('observed over expected outcomes by group', () => {
  /** Calibrated scores for everyone; group "R" has every outcome recorded twice as often as its scores say. */
  function recorded(factor: number) {
    const random = seededRandom(9);
    const groups: string[] = [], labels: number[] = [], scores: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const group = i % 5 === 0 ? 'R' : 'W';
      const p = 0.02 + 0.08 * random();
      groups.push(group); scores.push(p); labels.push(random() < p * (group === 'R' ? factor : 1) ? 1 : 0);
    }
    return auditFairness({ groupColumn: 'group', scores, labels, groups: assignGroups(groups), threshold: 0.08 });
  }

  it('flags a group whose recorded outcomes exceed its scores (ratio above 1.25 and its interval above 1)', () => {
    const r = recorded(2).groups.R!;
    expect(r.observed_expected!).toBeGreaterThan(1.7);
    expect(r.observed_expected_low!).toBeGreaterThan(1);
    expect(r.flags).toContain('observed_expected');
  });

  it('does not flag calibrated groups', () => {
    const report = recorded(1);
    for (const g of ['R', 'W']) expect(report.groups[g]!.flags).not.toContain('observed_expected');
    expect(report.groups.R!.observed_expected_low!).toBeLessThan(1);
    expect(report.groups.R!.observed_expected_high!).toBeGreaterThan(1);
  });
});
