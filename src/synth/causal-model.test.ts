import { beforeAll, describe, expect, it } from 'vitest';
import { ageOn, DAYS_PER_YEAR } from './calendar/day.ts';
import { buildTown, type Town } from './model/build-town.ts';
import { OFFENDING } from './model/causal-parameters.ts';
import { ageCurve } from './model/offending-year.ts';
import { SynthOptionsSchema } from './options.ts';
import type { Person } from './people/person.ts';

describe('the age curve of offending onset', () => {
  it.each([
    { description: 'nothing below the age of criminal responsibility', age: 9.9, expected: 0 },
    { description: 'the peak', age: OFFENDING.peakAge, expected: 1 },
  ])('$description', ({ age, expected }) => {
    expect(ageCurve(age)).toBeCloseTo(expected, 6);
  });

  it('rises to the peak and falls after it, more slowly: neither linear nor monotone', () => {
    expect(ageCurve(11)).toBeLessThan(ageCurve(13));
    expect(ageCurve(13)).toBeLessThan(ageCurve(15));
    expect(ageCurve(20)).toBeLessThan(ageCurve(15));
    expect(ageCurve(OFFENDING.peakAge + 3)).toBeGreaterThan(ageCurve(OFFENDING.peakAge - 3));
    const slopeUp = ageCurve(13) - ageCurve(12), slopeDown = ageCurve(19) - ageCurve(18);
    expect(Math.sign(slopeUp)).not.toBe(Math.sign(slopeDown));
  });
});

describe('the town reproduces the model', () => {
  let town: Town;
  let young: Person[];
  beforeAll(() => {
    town = buildTown(SynthOptionsSchema.parse({ people: 6000, seed: 17, out: 'unused' }));
    young = town.people.filter((p) => p.role === 'child');
  });
  const extract = (): number => town.context.extractDay;
  const proven = (p: Person) => p.life.offences.find((o) => o.outcome === 'CAUTION' || o.outcome === 'CONVICTION');
  const share = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length / Math.max(1, items.length);

  it('gives a first proven offence by 18 to a few per cent of young people (S41: 5%)', () => {
    const adults = young.filter((p) => ageOn(p.dob, extract()) >= 18);
    const rate = share(adults, (p) => { const o = proven(p); return o !== undefined && ageOn(p.dob, o.day) < 18; });
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.1);
  });

  it('makes every mother and father at least 16 at a birth, fathers older than mothers on average, and partners adults', () => {
    const byId = new Map(town.people.map((p) => [p.id, p]));
    const gaps = { mother: [] as number[], father: [] as number[] };
    for (const child of young) {
      for (const [key, id] of [['mother', child.motherId], ['father', child.fatherId]] as const) {
        const parent = id === null ? undefined : byId.get(id);
        if (parent) gaps[key].push(ageOn(parent.dob, child.dob));
      }
    }
    expect(Math.min(...gaps.mother)).toBeGreaterThanOrEqual(16);
    expect(Math.min(...gaps.father)).toBeGreaterThanOrEqual(16);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(gaps.father) - mean(gaps.mother)).toBeGreaterThan(1);
    const partners = town.people.filter((p) => p.role === 'partner');
    expect(partners.length).toBeGreaterThan(0);
    expect(Math.min(...partners.map((p) => ageOn(p.dob, extract())))).toBeGreaterThanOrEqual(18);
  });

  it('peaks the onset of offending in the mid-teens (hazard per person-year at risk)', () => {
    const bands = [[10, 12], [14, 17], [21, 25]] as const;
    const hazard = bands.map(([lo, hi]) => {
      let onsets = 0, years = 0;
      for (const p of young) {
        const first = p.life.offences[0]?.day ?? Infinity;
        const from = p.dob + lo * DAYS_PER_YEAR, to = Math.min(p.dob + (hi + 1) * DAYS_PER_YEAR, extract(), first);
        if (to > from) years += (to - from) / DAYS_PER_YEAR;
        if (first >= from && first < p.dob + (hi + 1) * DAYS_PER_YEAR && first <= extract()) onsets++;
      }
      return onsets / years;
    });
    expect(hazard[1]).toBeGreaterThan(2 * (hazard[0] as number));
    expect(hazard[1]).toBeGreaterThan(1.5 * (hazard[2] as number));
  });

  it.each([
    { description: 'boys more than girls', exposed: (p: Person) => p.sex === 'M' },
    { description: 'young people who were looked after', exposed: (p: Person) => p.life.care.some((c) => c.kind === 'CLA') },
    { description: 'young people ever suspended from school', exposed: (p: Person) => p.life.schoolYears.some((y) => y.suspensions.length > 0) },
  ])('offend more often: $description', ({ exposed }) => {
    const grown = young.filter((p) => ageOn(p.dob, extract()) >= 14);
    const offended = (p: Person): boolean => p.life.offences.length > 0;
    expect(share(grown.filter(exposed), offended)).toBeGreaterThan(1.5 * share(grown.filter((p) => !exposed(p)), offended));
  });

  it('records only part of the behaviour: more offences happen than the police see', () => {
    const offences = young.flatMap((p) => p.life.offences);
    const recorded = offences.filter((o) => o.recorded).length / offences.length;
    expect(recorded).toBeGreaterThan(0.2);
    expect(recorded).toBeLessThan(0.5);
  });

  it('makes free school meals commoner in deprived areas and absence commoner with free school meals (S8)', () => {
    const years = young.flatMap((p) => p.life.schoolYears);
    const fsm = years.filter((y) => y.fsm), other = years.filter((y) => !y.fsm);
    const absent = (y: (typeof years)[number]): boolean => y.sessionsMissed / y.sessionsPossible >= 0.1;
    expect(share(fsm, absent) / share(other, absent)).toBeGreaterThan(1.5);
    expect(fsm.length / years.length).toBeGreaterThan(0.15);
    expect(fsm.length / years.length).toBeLessThan(0.35);
  });
});
