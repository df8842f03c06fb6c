/**
 * Name pools drawn from @faker-js/faker's en_GB locale, ordered by a seeded faker shuffle and
 * weighted by a Zipf-like law (a few names common, most rare), as real name frequencies are;
 * names with a familiar form are weighted up so that nickname faults have something to act on.
 */
import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { Rng } from '../random/prng.ts';
import { nicknamesOf } from './nicknames.ts';

/** A weighted list to draw from with a binary search over cumulative weights. */
export class WeightedPool {
  private readonly cumulative: Float64Array;

  constructor(readonly items: readonly string[], weights: readonly number[]) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    weights.forEach((w, i) => { total += w; this.cumulative[i] = total; });
  }

  draw(rng: Rng): string {
    const target = rng.next() * (this.cumulative[this.cumulative.length - 1] as number);
    let lo = 0, hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid; else lo = mid + 1;
    }
    return this.items[lo] as string;
  }
}

export interface NamePools {
  readonly forename: Record<'F' | 'M', WeightedPool>;
  readonly middle: Record<'F' | 'M', WeightedPool>;
  readonly surname: WeightedPool;
}

/** Entries of faker's lists that read as titles rather than names. */
const NOT_NAMES = new Set(['General', 'Major', 'Judge', 'King', 'Prince', 'Queen', 'Princess', 'Sister', 'Baby']);

const clean = (names: readonly string[]): string[] =>
  [...new Set(names.filter((n) => /^[A-Za-z][A-Za-z' -]*$/.test(n) && !NOT_NAMES.has(n)))].sort();

function zipfPool(faker: Faker, names: readonly string[], exponent: number, boostNicknamed: boolean): WeightedPool {
  const order = faker.helpers.shuffle(clean(names));
  const weights = order.map((name, rank) =>
    (1 / Math.pow(rank + 1, exponent)) * (boostNicknamed && nicknamesOf(name).length ? 6 : 1));
  return new WeightedPool(order, weights);
}

/**
 * The town's name pools for one seed.
 *
 * @example buildNamePools(7).surname.draw(rng) // e.g. 'Hartmann'
 */
export function buildNamePools(seed: number): NamePools {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const person = faker.rawDefinitions.person;
  const first = person?.first_name;
  const middle = person?.middle_name;
  const last = person?.last_name;
  if (!first?.female || !first.male || !middle?.female || !middle.male || !last?.generic) {
    throw new Error('faker en_GB has no person name lists');
  }
  return {
    forename: { F: zipfPool(faker, first.female, 0.6, true), M: zipfPool(faker, first.male, 0.6, true) },
    middle: { F: zipfPool(faker, middle.female, 0.7, false), M: zipfPool(faker, middle.male, 0.7, false) },
    surname: zipfPool(faker, last.generic, 0.5, false),
  };
}

/** A surname: one from the pool, or (one in ten, as faker's en_GB pattern has it) double-barrelled. */
export function drawSurname(pools: NamePools, rng: Rng): string {
  const first = pools.surname.draw(rng);
  if (!rng.chance(0.1)) return first;
  const second = pools.surname.draw(rng);
  return second === first ? first : `${first}-${second}`;
}
