/**
 * A young person's circumstances as their life unfolds (what the next year's chances depend
 * on), and how their family looks from where they stand on a given day.
 */
import type { Day } from '../calendar/day.ts';
import type { SubstanceSpell } from '../people/life.ts';
import { valueOn, type Person } from '../people/person.ts';
import type { Address } from '../town/address-book.ts';
import type { School } from '../town/schools.ts';
import { anyBetween, partnerOn, type FamilyHistory } from './family-history.ts';

/** Where the young person lives: with the family, in foster care, or in a home of their own. */
export type LivingSpell =
  | { kind: 'family'; from: Day }
  | { kind: 'foster'; from: Day; carer: Person }
  | { kind: 'own'; from: Day; address: Address; household: string };

export interface ChildState {
  inNeedEver: boolean;
  inNeedUntil: Day | null;
  lookedAfterEver: boolean;
  lookedAfterUntil: Day | null;
  careLeaver: boolean;
  suspendedEver: boolean;
  excludedEver: boolean;
  absentLastYear: boolean;
  lowKs2: boolean;
  lowKs4: boolean;
  substance: SubstanceSpell | null;
  offending: boolean;
  neetLastYear: boolean;
  leftHome: Day | null;
  school: School | null;
  schoolDistrict: string | null;
  readonly living: LivingSpell[];
  readonly ownHomeless: Day[];
}

/** A newborn's circumstances: at home, nothing yet happened. */
export function initialState(dob: Day): ChildState {
  return {
    inNeedEver: false, inNeedUntil: null, lookedAfterEver: false, lookedAfterUntil: null, careLeaver: false,
    suspendedEver: false, excludedEver: false, absentLastYear: false, lowKs2: false, lowKs4: false,
    substance: null, offending: false, neetLastYear: false, leftHome: null, school: null, schoolDistrict: null,
    living: [{ kind: 'family', from: dob }], ownHomeless: [],
  };
}

/** The living spell in force on `day` (the latest to start on or before it). */
export function livingOn(state: ChildState, day: Day): LivingSpell {
  let current = state.living[0] as LivingSpell;
  for (const spell of state.living) if (spell.from <= day && spell.from >= current.from) current = spell;
  return current;
}

/** Adds a living spell, unless it starts after the extract date. */
export function addLiving(ctx: { extractDay: Day }, state: ChildState, spell: LivingSpell): void {
  if (spell.from <= ctx.extractDay) state.living.push(spell);
}

/** How the family looks to one child on one day. */
export interface FamilyView {
  readonly atHome: boolean;
  /** Where the young person lives, and its deprivation decile (1 = most deprived). */
  readonly address: Address;
  readonly decile: number;
  readonly parentCriminal: boolean;
  readonly parentSubstance: boolean;
  readonly singleParent: boolean;
  readonly breakup: boolean;
  readonly recentAbuse: boolean;
  readonly recentHomeless: boolean;
}

/** The family as it stands for `child` on `day`. */
export function familyView(family: FamilyHistory, child: Person, state: ChildState, day: Day): FamilyView {
  const partner = partnerOn(family, day);
  const father = family.father;
  const fatherAtBirth = partnerOn(family, child.dob);
  const living = livingOn(state, day);
  const address = living.kind === 'own' ? living.address
    : valueOn(living.kind === 'foster' ? living.carer.addresses : family.mother.addresses, day);
  return {
    atHome: living.kind === 'family',
    address,
    decile: address.decile,
    parentCriminal: family.mother.criminal || (father?.criminal ?? false) || (partner?.criminal ?? false),
    parentSubstance: family.mother.substanceMisuse || (partner?.substanceMisuse ?? false),
    singleParent: partner === null,
    breakup: !fatherAtBirth || fatherAtBirth.id !== child.fatherId || anyBetween(family.separations, child.dob, day),
    recentAbuse: family.abuse.some((a) => a.day > day - 730 && a.day <= day),
    recentHomeless: anyBetween(family.homeless, day - 730, day) || anyBetween(state.ownHomeless, day - 730, day),
  };
}
