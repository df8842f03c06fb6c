import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseNhsNumber, normaliseUpn } from '../standardise/index.ts';
import { FAULT_KINDS, FaultRatesSchema, type FaultKind } from './options.ts';
import { makeTown, type Manifest, type TownFixture } from './testing/town-fixture.ts';

/** Applied and opportunities of one fault kind over every dataset. */
function tally(manifest: Manifest, kind: FaultKind): { applied: number; opportunities: number } {
  let applied = 0, opportunities = 0;
  for (const d of manifest.datasets) {
    applied += d.faults?.[kind]?.applied ?? 0;
    opportunities += d.faults?.[kind]?.opportunities ?? 0;
  }
  return { applied, opportunities };
}

/** Whether `applied` of `n` is within four binomial standard deviations of rate `p`. */
const plausible = (applied: number, n: number, p: number): boolean =>
  Math.abs(applied - n * p) <= 4 * Math.sqrt(n * p * (1 - p)) + 1;

describe('faults at configured rates', () => {
  const custom = { typo: 0.1, nickname: 0.3, dateSwap: 0.05, missing: 0.1, oldSurname: 0.4, oldAddress: 0.3, idTypo: 0.02 };
  let plain: TownFixture, doubled: TownFixture, clean: TownFixture;
  beforeAll(() => {
    plain = makeTown({ people: 1500, seed: 21 });
    doubled = makeTown({ people: 1500, seed: 21, faults: custom, errorRate: 2 });
    clean = makeTown({ people: 800, seed: 21, errorRate: 0 });
  });
  afterAll(() => [plain, doubled, clean].forEach((t) => t.remove()));

  const defaults = FaultRatesSchema.parse({});
  it.each(FAULT_KINDS.map((kind) => ({ description: `${kind} at its default rate`, kind, rate: defaults[kind], town: () => plain })))(
    '$description', ({ kind, rate, town }) => {
      const { applied, opportunities } = tally(town().manifest(), kind);
      expect(opportunities).toBeGreaterThan(100);
      expect(plausible(applied, opportunities, rate)).toBe(true);
    });

  it.each(FAULT_KINDS.map((kind) => ({ description: `${kind} at its configured rate times --error-rate 2`, kind, rate: Math.min(1, custom[kind] * 2) })))(
    '$description', ({ kind, rate }) => {
      const { applied, opportunities } = tally(doubled.manifest(), kind);
      expect(plausible(applied, opportunities, rate)).toBe(true);
    });

  it('logs every fault applied in truth/faults.csv', () => {
    const logged = plain.csv('truth/faults.csv');
    const applied = FAULT_KINDS.reduce((n, kind) => n + tally(plain.manifest(), kind).applied, 0);
    expect(logged).toHaveLength(applied);
    const swaps = logged.filter((f) => f.fault === 'dateSwap');
    expect(swaps.every((f) => f.true_value !== f.recorded_value)).toBe(true);
  });

  it('shows the logged faults in the extracts themselves (school census dates of birth)', () => {
    const swapped = new Map(plain.csv('truth/faults.csv')
      .filter((f) => f.dataset === 'school-census' && f.fault === 'dateSwap').map((f) => [f.local_id, f.recorded_value]));
    const rows = plain.csv('schools/school-census.csv').filter((r) => swapped.has(r.CensusID as string));
    expect(rows.length).toBe(swapped.size);
    expect(rows.every((r) => r.DOB === swapped.get(r.CensusID as string))).toBe(true);
  });

  it('writes clean extracts with --error-rate 0: no faults, every identifier valid', () => {
    expect(FAULT_KINDS.every((kind) => tally(clean.manifest(), kind).applied === 0)).toBe(true);
    const upns = clean.csv('schools/school-census.csv').map((r) => r.UPN as string);
    expect(upns.filter((u) => !normaliseUpn(u).ok)).toEqual([]);
    const nhs = clean.text('nhs/patients.ndjson').split('\n').filter(Boolean)
      .map((l) => (JSON.parse(l) as { entry: Array<{ resource: { identifier: Array<{ value: string }> } }> }).entry[0]?.resource.identifier[0]?.value);
    expect(nhs.filter((n) => !normaliseNhsNumber(n).ok)).toEqual([]);
  });
});
