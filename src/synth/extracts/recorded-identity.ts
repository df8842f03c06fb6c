/**
 * A person's identity as one agency recorded it on one day: the names, date of birth, address
 * and identifiers true on that day, passed through the record's faults (nicknames, typos, a
 * swapped day and month, an old surname or address, a blank field, a mistyped identifier).
 */
import type { Day } from '../calendar/day.ts';
import type { RecordFaults } from '../faults/fault-injector.ts';
import { previousValue, valueOn, type Person, type Sex } from '../people/person.ts';
import type { Address } from '../town/address-book.ts';

export type IdentityField =
  | 'middleNames' | 'formerSurname' | 'dob' | 'sex' | 'postcode' | 'addressLine'
  | 'nhsNumber' | 'upn' | 'pncId' | 'niNumber';

export interface RecordedIdentity {
  readonly forename: string;
  readonly middleNames: string | null;
  readonly surname: string;
  readonly formerSurname: string | null;
  readonly dob: Day | null;
  readonly sex: Sex | null;
  readonly postcode: string | null;
  readonly addressLine: string | null;
  readonly nhsNumber: string | null;
  readonly upn: string | null;
  readonly pncId: string | null;
  readonly niNumber: string | null;
}

export interface IdentityRules {
  /** The fields this agency holds at all; the others are null. */
  readonly holds: readonly IdentityField[];
  /** Of those, the ones that may be left blank (the `missing` fault). */
  readonly optional: readonly IdentityField[];
  /** How the agency writes dates (for the fault log). */
  readonly formatDate: (day: Day) => string;
}

const showAddress = (a: Address): string => `${a.line1}, ${a.postcode}`;

const holdsCache = new WeakMap<IdentityRules, { holds: Set<IdentityField>; optional: Set<IdentityField> }>();

function sets(rules: IdentityRules): { holds: Set<IdentityField>; optional: Set<IdentityField> } {
  let found = holdsCache.get(rules);
  if (!found) {
    found = { holds: new Set(rules.holds), optional: new Set(rules.optional) };
    holdsCache.set(rules, found);
  }
  return found;
}

function held<T>(faults: RecordFaults, holds: Set<IdentityField>, optional: Set<IdentityField>, field: IdentityField, value: T | null): T | null {
  if (!holds.has(field)) return null;
  return optional.has(field) ? faults.optional(field, value) : value;
}

function heldId(faults: RecordFaults, holds: Set<IdentityField>, optional: Set<IdentityField>, field: IdentityField, value: string | null): string | null {
  return holds.has(field) ? held(faults, holds, optional, field, faults.identifier(field, value)) : null;
}

/** The identity of `person` as recorded on `day` under `rules`, with the record's faults. */
export function recordIdentity(person: Person, day: Day, faults: RecordFaults, rules: IdentityRules): RecordedIdentity {
  const { holds, optional } = sets(rules);
  const current = valueOn(person.surnames, day);
  const earlier = person.surnames.length > 1 ? previousValue(person.surnames, day) : null;
  const shownSurname = faults.stale('surname', 'oldSurname', current, earlier, String);
  const hasAddress = holds.has('postcode') || holds.has('addressLine');
  const address = hasAddress
    ? faults.stale('address', 'oldAddress', valueOn(person.addresses, day), previousValue(person.addresses, day), showAddress)
    : null;
  return {
    forename: faults.forename('forename', person.forename),
    middleNames: held(faults, holds, optional, 'middleNames', person.middleNames || null),
    surname: faults.name('surname', shownSurname),
    formerSurname: held(faults, holds, optional, 'formerSurname', shownSurname === current ? earlier : null),
    dob: holds.has('dob') ? held(faults, holds, optional, 'dob', faults.dob('dob', person.dob, rules.formatDate)) : null,
    sex: held(faults, holds, optional, 'sex', person.sex),
    postcode: held(faults, holds, optional, 'postcode', address?.postcode ?? null),
    addressLine: held(faults, holds, optional, 'addressLine', address?.line1 ?? null),
    nhsNumber: heldId(faults, holds, optional, 'nhsNumber', person.nhsNumber),
    upn: heldId(faults, holds, optional, 'upn', person.upn),
    pncId: heldId(faults, holds, optional, 'pncId', person.pncId),
    niNumber: heldId(faults, holds, optional, 'niNumber', person.niNumber),
  };
}
