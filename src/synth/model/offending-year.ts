/**
 * Offending behaviour in one year of a young person's life. The onset hazard is a curve in age
 * (zero before 10, rising to a peak at 14.5, falling more slowly after: not linear, nor
 * monotone) times the multipliers of the risk factors present at the start of the year.
 */
import type { Day } from '../calendar/day.ts';
import { DAYS_PER_YEAR } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { OFFENDING as O } from './causal-parameters.ts';
import type { ChildState, FamilyView } from './child-state.ts';
import { chanceIn } from './logistic.ts';
import { commitOffence } from './offence-recording.ts';
import type { TownContext } from './town-context.ts';

/**
 * The age part of the yearly onset hazard, relative to the peak (1 at the peak age).
 *
 * @example ageCurve(14.5) // 1
 */
export function ageCurve(age: number): number {
  if (age < O.minimumAge) return 0;
  const spread = age < O.peakAge ? O.spreadYounger : O.spreadOlder;
  return Math.exp(-0.5 * ((age - O.peakAge) / spread) ** 2);
}

/** The product of the risk-factor multipliers present for this young person now. */
export function riskMultiplier(child: Person, state: ChildState, view: FamilyView): number {
  let m = Math.exp(O.conduct * child.conduct);
  if (child.sex === 'M') m *= O.male;
  if (view.parentCriminal) m *= O.parentCriminal;
  if (view.breakup) m *= O.familyBreakup;
  if (view.recentAbuse) m *= O.recentAbuse;
  if (state.lookedAfterEver) m *= O.lookedAfter;
  else if (state.inNeedEver) m *= O.inNeed;
  if (state.excludedEver) m *= O.excluded;
  else if (state.suspendedEver) m *= O.suspended;
  if (state.absentLastYear) m *= O.persistentAbsence;
  if (state.lowKs2 || state.lowKs4) m *= O.lowAttainment;
  if (state.substance) m *= O.substance;
  if (state.neetLastYear) m *= O.neet;
  if (view.recentHomeless) m *= O.homeless;
  if (view.decile <= 3) m *= O.deprived;
  return m;
}

/** Offending in [from, to): onset, carrying on or stopping, and each offence's recording. */
export function offendingYear(
  ctx: TownContext, child: Person, state: ChildState, view: FamilyView, from: Day, to: Day, rng: Rng, recording: Rng,
): void {
  const midAge = ((from + to) / 2 - child.dob) / DAYS_PER_YEAR;
  let count = 0;
  if (state.offending && rng.chance(O.continuePerYear)) {
    count = 1 + rng.poisson(O.repeatRate * Math.exp(0.3 * child.conduct));
  } else {
    state.offending = false;
    const hazard = O.onsetPeak * ageCurve(midAge) * riskMultiplier(child, state, view);
    if (rng.chance(chanceIn(hazard, to - from))) count = 1 + rng.poisson(0.3);
  }
  if (count === 0) return;
  state.offending = true;
  const days = Array.from({ length: count }, () => from + rng.int(to - from)).sort((a, b) => a - b);
  for (const day of days) commitOffence(ctx, child, day, rng, recording);
}
