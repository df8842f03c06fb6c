import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGE_PROFILE, type AgeBand } from './options.ts';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

/** Share of young people per band, from the manifest's counts by single year of age. */
function shares(youngByAge: Record<string, number>, bands: readonly AgeBand[]): number[] {
  const total = Object.values(youngByAge).reduce((a, b) => a + b, 0);
  return bands.map((b) => {
    let n = 0;
    for (let age = b.from; age <= b.to; age++) n += youngByAge[String(age)] ?? 0;
    return n / total;
  });
}

const expected = (bands: readonly AgeBand[]): number[] => {
  const total = bands.reduce((a, b) => a + b.weight, 0);
  return bands.map((b) => b.weight / total);
};

describe('people by age band', () => {
  const skewed: AgeBand[] = [{ from: 0, to: 9, weight: 1 }, { from: 10, to: 17, weight: 3 }, { from: 18, to: 25, weight: 1 }];
  let flat: TownFixture, young: TownFixture;
  beforeAll(() => {
    flat = makeTown({ people: 3000, seed: 3 });
    young = makeTown({ people: 3000, seed: 3, ageProfile: skewed });
  });
  afterAll(() => { flat.remove(); young.remove(); });

  it.each([
    { description: 'the default profile (equal weight per year of age)', fixture: () => flat, bands: DEFAULT_AGE_PROFILE },
    { description: 'a profile weighted to 10–17-year-olds', fixture: () => young, bands: skewed },
  ])('matches $description within 4 points per band', ({ fixture, bands }) => {
    const got = shares(fixture().manifest().people.youngByAge, bands);
    expected(bands).forEach((share, i) => expect(Math.abs((got[i] as number) - share)).toBeLessThan(0.04));
  });

  it('has at least the people asked for, young people with the adults around them', () => {
    const { total, byRole } = flat.manifest().people;
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(total).toBeLessThan(3020);
    expect(byRole.child! / total).toBeGreaterThan(0.35);
    expect(byRole.parent! / total).toBeGreaterThan(0.35);
    expect(byRole.partner).toBeGreaterThan(0);
    expect(byRole.foster_carer).toBeGreaterThan(0);
  });

  it('gives every young person a valid date of birth aged 0–25 at the extract date', () => {
    const persons = flat.csv('truth/persons.csv').filter((p) => p.role === 'child');
    expect(persons.every((p) => Number(p.age_at_extract) >= 0 && Number(p.age_at_extract) <= 25)).toBe(true);
  });
});
