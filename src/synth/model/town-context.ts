/**
 * What every part of the model shares during one run: the options, the calendar bounds, the
 * town's places and name pools, the identifier issuer, and the growing list of people and true
 * relationships. It is built once per run and mutated only by the model while the town is made.
 */
import { addYears, parseIsoDay, type Day } from '../calendar/day.ts';
import type { SynthOptions } from '../options.ts';
import { buildNamePools, type NamePools } from '../people/name-pools.ts';
import { IdentifierIssuer } from '../people/identifiers.ts';
import { emptyLife } from '../people/life.ts';
import type { Person } from '../people/person.ts';
import { rngFor } from '../random/prng.ts';
import { AddressBook } from '../town/address-book.ts';
import { buildGeography } from '../town/geography.ts';
import { buildSchools, type Schools } from '../town/schools.ts';

export type TrueRelationshipKind = 'parent_of' | 'carer_of' | 'partner_of';

/** A true relationship between two people, from a day (and until one, when it ended). */
export interface TrueRelationship {
  readonly kind: TrueRelationshipKind;
  readonly from: string;
  readonly to: string;
  readonly start: Day;
  end: Day | null;
}

/**
 * The town is made one family at a time: `people`, `byId` and `relationships` hold the family
 * being made (and are emptied once it has been written), `peopleMade` counts everyone so far.
 */
export interface TownContext {
  readonly options: SynthOptions;
  readonly seed: number;
  readonly extractDay: Day;
  readonly windowStart: Day;
  readonly names: NamePools;
  readonly addresses: AddressBook;
  readonly schools: Schools;
  readonly ids: IdentifierIssuer;
  readonly people: Person[];
  readonly byId: Map<string, Person>;
  readonly relationships: TrueRelationship[];
  peopleMade: number;
  nextHousehold: number;
}

/** The share of the town's people who are young (0–25): the rest are their parents and carers. */
const YOUNG_SHARE = 0.6;

/** Builds the shared context of a run. */
export function createTownContext(options: SynthOptions): TownContext {
  const extractDay = parseIsoDay(options.extractDate);
  const households = Math.ceil(options.people / 3.2);
  const geography = buildGeography(rngFor(options.seed, 'geography'), households);
  const perYearGroup = (options.people * YOUNG_SHARE) / 26;
  return {
    options,
    seed: options.seed,
    extractDay,
    windowStart: addYears(extractDay, -options.historyYears) + 1,
    names: buildNamePools(options.seed),
    addresses: new AddressBook(geography),
    schools: buildSchools(rngFor(options.seed, 'schools'), geography, perYearGroup),
    ids: new IdentifierIssuer(rngFor(options.seed, 'identifiers').int(1_000_000)),
    people: [],
    byId: new Map(),
    relationships: [],
    peopleMade: 0,
    nextHousehold: 1,
  };
}

export type NewPerson = Omit<Person, 'id' | 'life' | 'upn' | 'pncId' | 'niNumber' | 'criminal' | 'substanceMisuse'>
  & Partial<Pick<Person, 'criminal' | 'substanceMisuse'>>;

/** Adds a person to the town with the next id (`P0000001`…). */
export function addPerson(ctx: TownContext, init: NewPerson): Person {
  const person: Person = {
    id: `P${String(++ctx.peopleMade).padStart(7, '0')}`,
    role: init.role, familyId: init.familyId, sex: init.sex, dob: init.dob, ethnicity: init.ethnicity,
    forename: init.forename, middleNames: init.middleNames, surnames: init.surnames, addresses: init.addresses,
    households: init.households, motherId: init.motherId, fatherId: init.fatherId, sen: init.sen,
    nhsNumber: init.nhsNumber, niNumber: null, upn: null, pncId: null, conduct: init.conduct, ability: init.ability,
    criminal: init.criminal ?? false, substanceMisuse: init.substanceMisuse ?? false, life: emptyLife(),
  };
  ctx.people.push(person);
  ctx.byId.set(person.id, person);
  return person;
}

/** A new household id (`H000001`…). */
export function newHousehold(ctx: TownContext): string {
  return `H${String(ctx.nextHousehold++).padStart(6, '0')}`;
}

