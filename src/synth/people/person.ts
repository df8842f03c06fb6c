/**
 * A person of the synthetic town as they truly are: identity over time (surnames, addresses,
 * households as dated histories), fixed characteristics, identifiers, latent traits, and the life
 * they lived (`life`). What agencies record is derived from this by the extract writers.
 */
import type { Day } from '../calendar/day.ts';
import type { Address } from '../town/address-book.ts';
import type { Ethnicity } from './ethnicity.ts';
import type { Life } from './life.ts';

export type Sex = 'F' | 'M';
export type PersonRole = 'child' | 'parent' | 'partner' | 'foster_carer';
/** Special educational needs as the school census has them: none, SEN support, EHC plan. */
export type Sen = 'N' | 'K' | 'E';

/** A value that holds from a day until the next entry of its history. */
export interface Dated<T> {
  readonly from: Day;
  readonly value: T;
}

export interface Person {
  readonly id: string;
  readonly role: PersonRole;
  readonly familyId: string;
  readonly sex: Sex;
  readonly dob: Day;
  readonly ethnicity: Ethnicity;
  readonly forename: string;
  /** Space-separated; empty when none. */
  readonly middleNames: string;
  readonly surnames: Array<Dated<string>>;
  addresses: Array<Dated<Address>>;
  readonly households: Array<Dated<string>>;
  readonly motherId: string | null;
  readonly fatherId: string | null;
  sen: Sen;
  /** Null when not registered with a GP in the town. */
  nhsNumber: string | null;
  niNumber: string | null;
  upn: string | null;
  pncId: string | null;
  /** Latent traits (standard normal): conduct problems and academic ability. Never recorded. */
  readonly conduct: number;
  readonly ability: number;
  /** Adults: true propensities (an offending lifestyle, problem substance use). */
  criminal: boolean;
  substanceMisuse: boolean;
  readonly life: Life;
}

/** The entry of a dated history in force on `day` (the first entry if `day` precedes them all). */
export function valueOn<T>(history: ReadonlyArray<Dated<T>>, day: Day): T {
  let current = history[0];
  if (!current) throw new RangeError('valueOn needs a non-empty history');
  for (const entry of history) {
    if (entry.from > day) break;
    current = entry;
  }
  return current.value;
}

/** The entry before the one in force on `day`, if any (an earlier surname or address). */
export function previousValue<T>(history: ReadonlyArray<Dated<T>>, day: Day): T | null {
  let previous: T | null = null, current: T | null = null;
  for (const entry of history) {
    if (entry.from > day) break;
    previous = current;
    current = entry.value;
  }
  return previous;
}

/** Appends a dated value, replacing a same-day entry so the history stays ordered and unique per day. */
export function pushDated<T>(history: Array<Dated<T>>, from: Day, value: T): void {
  const last = history[history.length - 1];
  if (last && last.from >= from) {
    history[history.length - 1] = { from: last.from, value };
    return;
  }
  if (last && last.value === value) return;
  history.push({ from, value });
}
