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

/** The identity of `person` as recorded on `day` under `rules`, with the record's faults. */
export function recordIdentity(person: Person, day: Day, faults: RecordFaults, rules: IdentityRules): RecordedIdentity {
  const holds = new Set(rules.holds);
  const maybe = <T>(field: IdentityField, value: T | null): T | null => {
    if (!holds.has(field)) return null;
    return rules.optional.includes(field) ? faults.optional(field, value) : value;
  };
  const current = valueOn(person.surnames, day);
  const earlier = previousValue(person.surnames, day);
  const shownSurname = faults.stale('surname', 'oldSurname', current, earlier, (s) => s);
  const hasAddress = holds.has('postcode') || holds.has('addressLine');
  const address = hasAddress
    ? faults.stale('address', 'oldAddress', valueOn(person.addresses, day), previousValue(person.addresses, day), showAddress)
    : null;
  const id = (field: IdentityField, value: string | null): string | null => maybe(field, holds.has(field) ? faults.identifier(field, value) : null);
  return {
    forename: faults.forename('forename', person.forename),
    middleNames: maybe('middleNames', person.middleNames || null),
    surname: faults.name('surname', shownSurname),
    formerSurname: maybe('formerSurname', shownSurname === current ? earlier : null),
    dob: holds.has('dob') ? maybe('dob', faults.dob('dob', person.dob, rules.formatDate)) : null,
    sex: maybe('sex', person.sex),
    postcode: maybe('postcode', address?.postcode ?? null),
    addressLine: maybe('addressLine', address?.line1 ?? null),
    nhsNumber: id('nhsNumber', person.nhsNumber),
    upn: id('upn', person.upn),
    pncId: id('pncId', person.pncId),
    niNumber: id('niNumber', person.niNumber),
  };
}
