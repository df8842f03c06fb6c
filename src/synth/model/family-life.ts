/**
 * Lives a family's history year by year from its first child's birth to the extract date:
 * births, domestic abuse, separation, new partners, marriage and surname changes, moves,
 * homelessness and temporary accommodation, and each adult's own year (offences, substance).
 */
import { addYears, daysIn, type Day } from '../calendar/day.ts';
import { drawSurname } from '../people/name-pools.ts';
import { valueOn, type Person } from '../people/person.ts';
import { rngFor, type Rng } from '../random/prng.ts';
import { ADULTS, FAMILY, SOCIAL_CARE } from './causal-parameters.ts';
import { liveAdultYear } from './adult-year.ts';
import { anyBetween, type FamilyHistory } from './family-history.ts';
import type { FamilyPlan } from './family-plan.ts';
import { beginPartnership, bearChild, endPartnership, marry } from './family-events.ts';
import { considerHomelessness, moveHousehold } from './household-moves.ts';
import { drawAdultPropensities, makePerson } from './person-factory.ts';
import { newHousehold, type TownContext } from './town-context.ts';

function founders(ctx: TownContext, plan: FamilyPlan, rng: Rng, id: string): FamilyHistory {
  const start = (plan.births[0] as Day) - daysIn(rng.between(0.2, 3));
  const household = newHousehold(ctx);
  const home = ctx.addresses.home(rng, plan.decile);
  const fatherSurname = drawSurname(ctx.names, rng);
  const mother = makePerson(ctx, rng, {
    role: 'parent', familyId: id, sex: 'F', dob: plan.motherDob, ethnicityCode: plan.motherEthnicity,
    surname: drawSurname(ctx.names, rng), address: home, household, since: start, ses: plan.ses,
  });
  drawAdultPropensities(rng, mother, ADULTS.motherCriminal, plan.decile);
  let father: Person | null = null;
  if (plan.fatherInTown) {
    father = makePerson(ctx, rng, {
      role: 'parent', familyId: id, sex: 'M', dob: plan.fatherDob, ethnicityCode: plan.fatherEthnicity,
      surname: fatherSurname, address: plan.together ? home : ctx.addresses.home(rng, plan.decile),
      household: plan.together ? household : newHousehold(ctx), since: start, ses: plan.ses,
    });
    drawAdultPropensities(rng, father, ADULTS.fatherCriminal, plan.decile);
  }
  const family: FamilyHistory = {
    id, plan, mother, father, children: [], partnerships: [], separations: [], abuse: [], homeless: [],
  };
  if (plan.together && father) {
    beginPartnership(ctx, family, father, start);
    if (plan.married) marry(ctx, family, rng, Math.max(plan.motherDob + daysIn(18), start - daysIn(rng.between(0, 5))));
  }
  return family;
}

/**
 * Lives family number `index` from its plan, adding its people to the town.
 *
 * @example liveFamily(ctx, plan, 12).children.length // 1 or more
 */
export function liveFamily(ctx: TownContext, plan: FamilyPlan, index: number): FamilyHistory {
  const rng = rngFor(ctx.seed, 'family', index);
  const recording = rngFor(ctx.seed, 'family-recording', index);
  const family = founders(ctx, plan, rng, `F${String(index).padStart(6, '0')}`);
  const pending = [...plan.births];
  const adults = [family.mother, ...(family.father ? [family.father] : [])];
  for (let t = plan.births[0] as Day; t <= ctx.extractDay; t = addYears(t, 1)) {
    const end = Math.min(addYears(t, 1), ctx.extractDay + 1);
    const span = end - t;
    const at = (): Day => t + rng.int(span);
    while (pending.length && (pending[0] as Day) < end) bearChild(ctx, family, rng, pending.shift() as Day);
    const decile = valueOn(family.mother.addresses, t).decile;
    const deprived = decile <= 3;
    const current = family.partnerships.find((p) => p.to === null) ?? null;
    if (current) {
      const substance = family.mother.substanceMisuse || current.partner.substanceMisuse;
      const criminal = family.mother.criminal || current.partner.criminal;
      const abuseChance = ADULTS.abusePerYear * (substance ? ADULTS.abuseIfSubstance : 1)
        * (criminal ? ADULTS.abuseIfCriminal : 1) * (deprived ? ADULTS.abuseIfDeprived : 1);
      if (rng.chance(abuseChance)) family.abuse.push({ day: at(), notified: recording.chance(SOCIAL_CARE.abuseNotified) });
      const recentAbuse = family.abuse.some((a) => a.day > t - 365);
      const split = FAMILY.separationPerYear * (recentAbuse ? FAMILY.separationIfAbuse : 1) * (deprived ? FAMILY.separationIfDeprived : 1);
      if (rng.chance(split)) endPartnership(ctx, family, rng, current, at());
      else if (!current.married && rng.chance(FAMILY.marriagePerYear)) marry(ctx, family, rng, at());
    } else if (rng.chance(FAMILY.repartnerPerYear)) {
      const joined = at();
      const partner = makePerson(ctx, rng, {
        role: 'partner', familyId: family.id, sex: 'M', dob: Math.min(family.mother.dob - daysIn(2 + 4 * rng.normal()), joined - daysIn(18)), // older than her on average; an adult
        ethnicityCode: rng.chance(0.85) ? family.plan.fatherEthnicity : 'WBRI', surname: drawSurname(ctx.names, rng),
        address: valueOn(family.mother.addresses, joined), household: valueOn(family.mother.households, joined), since: joined,
      });
      drawAdultPropensities(rng, partner, ADULTS.partnerCriminal, decile);
      adults.push(partner);
      beginPartnership(ctx, family, partner, joined);
    }
    if (rng.chance(FAMILY.movePerYear * (deprived ? FAMILY.moveIfDeprived : 1))) {
      moveHousehold(ctx, family, at(), ctx.addresses.home(rng, decile + rng.intBetween(-1, 1), valueOn(family.mother.addresses, t).district));
    }
    considerHomelessness(ctx, family, rng, t, end, anyBetween(family.separations, t - 365, t), family.abuse.some((a) => a.day > t - 365 && a.day <= t));
    for (const adult of adults) liveAdultYear(ctx, adult, Math.max(t, adult.households[0]?.from ?? t), end, rng, recording);
  }
  return family;
}
