/**
 * One year in the life of a parent or partner: offences for those with an offending lifestyle,
 * treatment and alcohol-related A&E visits for those with a substance problem.
 */
import type { Day } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { ADULTS, SUBSTANCE } from './causal-parameters.ts';
import { commitOffence } from './offence-recording.ts';
import type { TownContext } from './town-context.ts';

/** Lives the part of a year [from, to) for an adult. */
export function liveAdultYear(ctx: TownContext, adult: Person, from: Day, to: Day, rng: Rng, recording: Rng): void {
  const span = to - from;
  if (span <= 0) return;
  const share = span / 365;
  if (adult.criminal) {
    const count = rng.poisson(ADULTS.offencesPerYear * share);
    const days = Array.from({ length: count }, () => from + rng.int(span)).sort((a, b) => a - b);
    for (const day of days) commitOffence(ctx, adult, day, rng, recording);
  }
  if (adult.substanceMisuse) {
    let spell = adult.life.substance[0];
    if (!spell) {
      spell = { substance: rng.chance(0.5) ? 'alcohol' : rng.pick(['opiates', 'cocaine', 'cannabis'] as const), start: from, end: null, treatments: [] };
      adult.life.substance.push(spell);
    }
    if (rng.chance(ADULTS.treatmentPerYear * share)) {
      const start = from + rng.int(span);
      spell.treatments.push({ start, end: Math.min(ctx.extractDay, start + 60 + rng.int(300)) });
    }
    if (rng.chance(ADULTS.alcoholAePerYear * share)) adult.life.aeVisits.push({ day: from + rng.int(span), alcohol: true });
  }
  if (rng.chance(SUBSTANCE.otherAePerYear * share)) adult.life.aeVisits.push({ day: from + rng.int(span), alcohol: false });
}
