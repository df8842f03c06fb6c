/**
 * Children's social care in one year of a child's life: a referral that becomes a child-in-need
 * episode, escalation to a child protection plan, and becoming looked after (with a foster carer).
 */
import { addYears, daysIn, type Day } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { SOCIAL_CARE } from './causal-parameters.ts';
import { addLiving, type ChildState, type FamilyView } from './child-state.ts';
import { makePerson } from './person-factory.ts';
import { newHousehold, type TownContext } from './town-context.ts';

function fosterCarer(ctx: TownContext, rng: Rng, child: Person, day: Day): Person {
  const carer = makePerson(ctx, rng, {
    role: 'foster_carer', familyId: child.familyId, sex: rng.chance(0.85) ? 'F' : 'M',
    dob: day - daysIn(rng.between(35, 62)), ethnicityCode: rng.chance(0.5) ? child.ethnicity.code : 'WBRI',
    surname: ctx.names.surname.draw(rng), address: ctx.addresses.home(rng, rng.intBetween(5, 9)),
    household: newHousehold(ctx), since: day - daysIn(rng.between(1, 10)),
  });
  ctx.relationships.push({ kind: 'carer_of', from: carer.id, to: child.id, start: day, end: null });
  return carer;
}

/** Lives [from, to) of a child under 18 as far as children's social care is concerned. */
export function socialCareYear(
  ctx: TownContext, child: Person, state: ChildState, view: FamilyView, from: Day, to: Day, rng: Rng,
): void {
  if (state.inNeedUntil !== null && state.inNeedUntil < from) state.inNeedUntil = null;
  if (state.inNeedUntil !== null || (state.lookedAfterUntil ?? -Infinity) >= from) return;
  const area = view.decile <= 3 ? SOCIAL_CARE.cinIfDeprived : view.decile >= 8 ? SOCIAL_CARE.cinIfAffluent : 1;
  const hazard = SOCIAL_CARE.cinPerYear
    * (view.recentAbuse ? SOCIAL_CARE.cinIfAbuse : 1) * (view.parentSubstance ? SOCIAL_CARE.cinIfParentSubstance : 1)
    * (view.parentCriminal ? SOCIAL_CARE.cinIfParentCriminal : 1) * (view.breakup ? SOCIAL_CARE.cinIfSeparated : 1)
    * (child.sen === 'E' ? SOCIAL_CARE.cinIfEhcp : 1) * area;
  if (!rng.chance(hazard * (to - from) / 365)) return;
  const start = from + rng.int(to - from);
  const eighteen = addYears(child.dob, 18);
  const cinEnd = Math.min(eighteen, start + daysIn(rng.between(0.5, 3)));
  child.life.care.push({ kind: 'CIN', start, end: cinEnd <= ctx.extractDay ? cinEnd : null, carerId: null });
  state.inNeedEver = true;
  state.inNeedUntil = cinEnd;
  if (!rng.chance(SOCIAL_CARE.cppGivenCin + (view.recentAbuse ? SOCIAL_CARE.cppIfAbuse : 0))) return;
  const cppStart = start + rng.intBetween(20, 90);
  const cppEnd = Math.min(eighteen, cppStart + daysIn(rng.between(0.4, 1.5)));
  if (cppStart > ctx.extractDay) return;
  child.life.care.push({ kind: 'CPP', start: cppStart, end: cppEnd <= ctx.extractDay ? cppEnd : null, carerId: null });
  if (!rng.chance(SOCIAL_CARE.claGivenCpp)) return;
  const claStart = cppStart + rng.int(Math.max(1, cppEnd - cppStart));
  if (claStart > ctx.extractDay || claStart >= eighteen) return;
  const claEnd = rng.chance(SOCIAL_CARE.claUntilEighteen) ? eighteen : Math.min(eighteen, claStart + daysIn(rng.between(0.5, 3)));
  const carer = fosterCarer(ctx, rng, child, claStart);
  child.life.care.push({ kind: 'CLA', start: claStart, end: claEnd <= ctx.extractDay ? claEnd : null, carerId: carer.id });
  state.lookedAfterEver = true;
  state.lookedAfterUntil = claEnd;
  state.inNeedUntil = Math.max(cinEnd, claEnd);
  addLiving(ctx, state, { kind: 'foster', from: claStart, carer });
  if (claEnd === eighteen) state.careLeaver = true;
  else if (claEnd <= ctx.extractDay) addLiving(ctx, state, { kind: 'family', from: claEnd });
}
