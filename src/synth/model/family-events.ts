/**
 * The turning points of a family: a child's birth, a couple moving in together, marrying (and
 * who takes whose surname), and separating (who leaves, whose surname reverts).
 */
import { ageOn, type Day } from '../calendar/day.ts';
import { pushDated, valueOn } from '../people/person.ts';
import type { Person } from '../people/person.ts';
import type { Rng } from '../random/prng.ts';
import { FAMILY } from './causal-parameters.ts';
import { partnerOn, type FamilyHistory, type Partnership } from './family-history.ts';
import { moveHousehold } from './household-moves.ts';
import { makePerson } from './person-factory.ts';
import { newHousehold, type TownContext, type TrueRelationship } from './town-context.ts';

const childrenUnder = (family: FamilyHistory, day: Day, age: number): Person[] =>
  family.children.filter((c) => c.dob <= day && ageOn(c.dob, day) < age);

/** The mother's partner moves in: partners, and carer of her children who are not his. */
export function beginPartnership(ctx: TownContext, family: FamilyHistory, partner: Person, day: Day): void {
  const ties: TrueRelationship[] = [{ kind: 'partner_of', from: partner.id, to: family.mother.id, start: day, end: null }];
  pushDated(partner.households, day, valueOn(family.mother.households, day));
  pushDated(partner.addresses, day, valueOn(family.mother.addresses, day));
  for (const child of childrenUnder(family, day, 18)) {
    if (child.fatherId !== partner.id) ties.push({ kind: 'carer_of', from: partner.id, to: child.id, start: day, end: null });
  }
  ctx.relationships.push(...ties);
  family.partnerships.push({ partner, from: day, to: null, married: false, ties });
}

/** The current couple marries: the mother takes his surname; some children take it too. */
export function marry(ctx: TownContext, family: FamilyHistory, rng: Rng, day: Day): void {
  const current = family.partnerships.find((p) => p.to === null);
  if (!current) return;
  current.married = true;
  const surname = valueOn(current.partner.surnames, day);
  pushDated(family.mother.surnames, day, surname);
  for (const child of childrenUnder(family, day, 16)) {
    if (valueOn(child.surnames, day) === surname) continue;
    const own = child.fatherId === current.partner.id;
    if (rng.chance(own ? FAMILY.childTakesFatherSurnameOnMarriage : FAMILY.childTakesStepSurname)) pushDated(child.surnames, day, surname);
  }
}

/** The couple separates: he leaves for a home of his own; a married mother may revert her surname. */
export function endPartnership(ctx: TownContext, family: FamilyHistory, rng: Rng, current: Partnership, day: Day): void {
  current.to = day;
  family.separations.push(day);
  for (const tie of current.ties) tie.end = day;
  const home = valueOn(family.mother.addresses, day);
  pushDated(current.partner.households, day, newHousehold(ctx));
  pushDated(current.partner.addresses, day, ctx.addresses.home(rng, home.decile + rng.intBetween(-2, 1)));
  const birthSurname = family.mother.surnames[0]?.value;
  if (current.married && birthSurname && rng.chance(FAMILY.motherRevertsSurname)) pushDated(family.mother.surnames, day, birthSurname);
  if (rng.chance(0.3)) moveHousehold(ctx, family, day + rng.intBetween(20, 200), ctx.addresses.home(rng, home.decile - 1));
}

/** A child is born to the mother; the father is her partner then, or else the family's father. */
export function bearChild(ctx: TownContext, family: FamilyHistory, rng: Rng, day: Day): Person {
  const partner = partnerOn(family, day);
  const father = partner ?? family.father;
  const current = family.partnerships.find((p) => p.to === null);
  const motherSurname = valueOn(family.mother.surnames, day);
  const surname = partner && !current?.married && rng.chance(0.7) ? valueOn(partner.surnames, day) : motherSurname;
  const child = makePerson(ctx, rng, {
    role: 'child', familyId: family.id, sex: rng.chance(0.512) ? 'M' : 'F', dob: day,
    ethnicityCode: family.plan.childEthnicity, surname,
    address: valueOn(family.mother.addresses, day), household: valueOn(family.mother.households, day), since: day,
    motherId: family.mother.id, ...(father ? { fatherId: father.id } : {}), ses: family.plan.ses,
  });
  family.children.push(child);
  ctx.relationships.push({ kind: 'parent_of', from: family.mother.id, to: child.id, start: day, end: null });
  if (father) ctx.relationships.push({ kind: 'parent_of', from: father.id, to: child.id, start: day, end: null });
  return child;
}
