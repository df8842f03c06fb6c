/**
 * Making the town's people: names from the pools, latent traits, identifiers issued at birth or
 * registration, and (for adults) the propensities that drive their part of the causal model.
 */
import type { Day } from '../calendar/day.ts';
import { ethnicity } from '../people/ethnicity.ts';
import type { Person, PersonRole, Sen, Sex } from '../people/person.ts';
import type { Address } from '../town/address-book.ts';
import type { Rng } from '../random/prng.ts';
import { ADULTS, FAMILY, SCHOOL } from './causal-parameters.ts';
import { addPerson, type TownContext } from './town-context.ts';

export interface PersonSeed {
  readonly role: PersonRole;
  readonly familyId: string;
  readonly sex: Sex;
  readonly dob: Day;
  readonly ethnicityCode: string;
  readonly surname: string;
  readonly address: Address;
  readonly household: string;
  readonly since: Day;
  readonly motherId?: string;
  readonly fatherId?: string;
  /** Socio-economic position of the family (raises ability a little). */
  readonly ses?: number;
}

function middleNames(ctx: TownContext, rng: Rng, sex: Sex): string {
  const n = rng.weighted([25, 65, 10]);
  return Array.from({ length: n }, () => ctx.names.middle[sex].draw(rng)).join(' ');
}

function drawSen(rng: Rng, sex: Sex): Sen {
  const boost = sex === 'M' ? SCHOOL.senIfMale : 1 / SCHOOL.senIfMale * 1.3;
  const u = rng.next();
  if (u < SCHOOL.ehcp * boost * 0.8) return 'E';
  return u < (SCHOOL.ehcp + SCHOOL.senSupport) * boost * 0.8 ? 'K' : 'N';
}

/** Adds a person with a name, traits and an NHS number (if registered with a GP). */
export function makePerson(ctx: TownContext, rng: Rng, seed: PersonSeed): Person {
  const child = seed.role === 'child';
  return addPerson(ctx, {
    role: seed.role, familyId: seed.familyId, sex: seed.sex, dob: seed.dob,
    ethnicity: ethnicity(seed.ethnicityCode),
    forename: ctx.names.forename[seed.sex].draw(rng),
    middleNames: middleNames(ctx, rng, seed.sex),
    surnames: [{ from: seed.dob, value: seed.surname }],
    addresses: [{ from: seed.since, value: seed.address }],
    households: [{ from: seed.since, value: seed.household }],
    motherId: seed.motherId ?? null, fatherId: seed.fatherId ?? null,
    sen: child ? drawSen(rng, seed.sex) : 'N',
    nhsNumber: rng.chance(FAMILY.gpRegistered) ? ctx.ids.nhsNumber() : null,
    conduct: rng.normal(),
    ability: 0.9 * rng.normal() + 0.3 * (seed.ses ?? 0),
  });
}

/** Draws an adult's offending lifestyle and substance problem, given where they live. */
export function drawAdultPropensities(rng: Rng, adult: Person, base: number, decile: number): void {
  const area = decile <= 3 ? ADULTS.criminalIfDeprived : decile >= 8 ? ADULTS.criminalIfAffluent : 1;
  adult.criminal = rng.chance(base * area);
  adult.substanceMisuse = rng.chance(ADULTS.substanceMisuse * (adult.criminal ? ADULTS.substanceIfCriminal : 1));
}
