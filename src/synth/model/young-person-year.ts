/**
 * A young person's own year beyond school: problem substance use (true) and its treatment and
 * A&E visits (recorded by the NHS), and spells not in education, employment or training.
 */
import { ageOn, daysIn, type Day } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { NEET, SUBSTANCE } from './causal-parameters.ts';
import type { ChildState, FamilyView } from './child-state.ts';
import { logistic } from './logistic.ts';
import type { TownContext } from './town-context.ts';

/** The yearly onset hazard of problem substance use at an age (before multipliers). */
export function substanceOnset(age: number): number {
  let hazard = 0;
  for (const [from, value] of SUBSTANCE.onsetByAge) if (age >= from) hazard = value;
  return hazard;
}

/** Substance misuse, treatment and A&E in [from, to). */
export function substanceYear(ctx: TownContext, child: Person, state: ChildState, view: FamilyView, from: Day, to: Day, rng: Rng): void {
  const age = ageOn(child.dob, from);
  const share = (to - from) / 365;
  const at = (): Day => from + rng.int(to - from);
  if (rng.chance(SUBSTANCE.otherAePerYear * share)) child.life.aeVisits.push({ day: at(), alcohol: false });
  if (state.substance && rng.chance(SUBSTANCE.desistPerYear * share)) {
    state.substance.end = at();
    state.substance = null;
  }
  if (!state.substance) {
    const hazard = substanceOnset(age) * (view.parentSubstance ? SUBSTANCE.ifParentSubstance : 1)
      * (state.suspendedEver || state.excludedEver ? SUBSTANCE.ifExcludedOrSuspended : 1)
      * (state.lookedAfterEver ? SUBSTANCE.ifLookedAfter : 1) * (child.sex === 'M' ? SUBSTANCE.ifMale : 1)
      * Math.exp(SUBSTANCE.conduct * child.conduct);
    if (!rng.chance(hazard * share)) return;
    const substance = rng.chance(0.7) ? 'cannabis' : rng.chance(0.8) ? 'alcohol' : 'cocaine';
    state.substance = { substance, start: at(), end: null, treatments: [] };
    child.life.substance.push(state.substance);
  }
  const spell = state.substance;
  if (rng.chance((age < 18 ? SUBSTANCE.treatmentPerYearUnder18 : SUBSTANCE.treatmentPerYearAdult) * share)) {
    const start = Math.max(spell.start, at());
    const end = start + daysIn(rng.between(0.2, 0.9));
    spell.treatments.push({ start, end: end <= ctx.extractDay ? end : null });
  }
  if (rng.chance(SUBSTANCE.alcoholAePerYear * share * (spell.substance === 'alcohol' ? 2 : 1))) {
    child.life.aeVisits.push({ day: Math.max(spell.start, at()), alcohol: true });
  }
}

const NEET_CODES = ['540', '540', '550', '610', '630'] as const;

/** Whether the young person (16–24) has a NEET spell in [from, to). */
export function neetYear(ctx: TownContext, child: Person, state: ChildState, from: Day, to: Day, rng: Rng): void {
  const age = ageOn(child.dob, from);
  const n = NEET.logit;
  const chance = logistic((age < 18 ? n.intercept16 : n.intercept18) + (child.sex === 'M' ? n.male : 0)
    + (state.lowKs4 ? n.lowKs4 : 0) + (state.excludedEver ? n.excluded : 0) + (state.lookedAfterEver ? n.lookedAfter : 0)
    + (state.substance ? n.substance : 0) + (state.offending ? n.offending : 0));
  state.neetLastYear = rng.chance(chance * (to - from) / 365);
  if (!state.neetLastYear) return;
  const start = from + rng.int(to - from);
  const end = start + daysIn(rng.between(0.1, 0.95));
  const recorded = rng.chance(age < 18 ? NEET.recorded16to17 : NEET.recorded18to24);
  child.life.neet.push({ start, end: end <= ctx.extractDay ? end : null, code: rng.pick(NEET_CODES), recorded });
}
