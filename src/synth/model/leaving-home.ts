/**
 * Young adults leaving the family home (or foster care at 18), moving on, and sometimes
 * applying to the council as homeless themselves.
 */
import { addYears, daysIn, type Day } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { HOUSING, LEAVING_HOME } from './causal-parameters.ts';
import { addLiving, livingOn, type ChildState, type FamilyView } from './child-state.ts';
import { newHousehold, type TownContext } from './town-context.ts';

/** Leaving home, moving, and homelessness for an 18–25-year-old in [from, to). */
export function leavingHomeYear(ctx: TownContext, child: Person, state: ChildState, view: FamilyView, from: Day, to: Day, rng: Rng): void {
  const eighteen = addYears(child.dob, 18);
  if (to <= eighteen) return;
  const share = (to - from) / 365;
  const living = livingOn(state, from);
  const start = Math.max(from, eighteen);
  if (state.leftHome === null) {
    const leavesCare = living.kind === 'foster';
    if (!leavesCare && !rng.chance(LEAVING_HOME.perYear * share)) return;
    const day = leavesCare ? start : start + rng.int(Math.max(1, to - start));
    if (day > ctx.extractDay) return;
    state.leftHome = day;
    addLiving(ctx, state, { kind: 'own', from: day, address: ctx.addresses.home(rng, view.decile + rng.intBetween(-3, 1)), household: newHousehold(ctx) });
    return;
  }
  const own = livingOn(state, from);
  if (own.kind !== 'own') return;
  const homeless = HOUSING.leaverApplicationPerYear * (state.careLeaver ? HOUSING.leaverIfCareLeaver : 1) * (state.substance ? 3 : 1);
  if (rng.chance(homeless * share)) {
    const day = from + rng.int(to - from);
    const temporary = rng.chance(0.3) ? { start: day + rng.int(20), end: day + daysIn(rng.between(0.2, 1)), address: ctx.addresses.temporary(rng) } : null;
    child.life.homeless.push({ day, reason: 'Family or friends no longer willing to accommodate', duty: 'relief', members: [], temporary });
    state.ownHomeless.push(day);
    if (temporary) addLiving(ctx, state, { kind: 'own', from: temporary.start, address: temporary.address, household: own.household });
    const after = temporary ? temporary.end : day + rng.intBetween(30, 120);
    if (after <= ctx.extractDay) addLiving(ctx, state, { kind: 'own', from: after, address: ctx.addresses.home(rng, 3), household: own.household });
  } else if (rng.chance(LEAVING_HOME.movePerYear * share)) {
    const day = from + rng.int(to - from);
    addLiving(ctx, state, { kind: 'own', from: day, address: ctx.addresses.home(rng, own.address.decile + rng.intBetween(-1, 1)), household: own.household });
  }
}
