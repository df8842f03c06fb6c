/**
 * The made-up town's geography: one postcode area (`TB`, which Royal Mail does not use), nine
 * districts TB1–TB9, each with sectors of known deprivation decile (1 = most deprived), each
 * sector with postcode units on streets named from faker's en_GB street list.
 */
import { fakerEN_GB } from '@faker-js/faker';
import type { Rng } from '../random/prng.ts';

export const POSTCODE_AREA = 'TB';
export const TOWN_NAME = 'Tributary Vale';
/** Letters Royal Mail uses in the inward code's unit part (no C, I, K, M, O, V). */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
/** Deprivation decile around which each district's sectors lie (TB1 most deprived). */
const DISTRICT_DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 10] as const;
const SECTORS_PER_DISTRICT = 5;
const HOUSEHOLDS_PER_UNIT = 8;
const MAX_UNITS_PER_SECTOR = UNIT_LETTERS.length ** 2;

export interface PostcodeUnit {
  readonly postcode: string;
  readonly street: string;
}

export interface Sector {
  readonly district: string;
  readonly code: string;
  readonly decile: number;
  readonly units: readonly PostcodeUnit[];
}

export interface Geography {
  readonly sectors: readonly Sector[];
  readonly districts: readonly string[];
}

function streetNames(): readonly string[] {
  const streets = fakerEN_GB.rawDefinitions.location?.street_name;
  if (!streets?.length) throw new Error('faker en_GB has no street names');
  return [...streets].sort();
}

/**
 * Builds the geography for a town of about `households` households.
 *
 * @example buildGeography(rng, 8000).sectors[0] // { district: 'TB1', code: 'TB1 1', decile: 1, units: [...] }
 */
export function buildGeography(rng: Rng, households: number): Geography {
  const streets = streetNames();
  const districts = DISTRICT_DECILES.map((_, i) => `${POSTCODE_AREA}${i + 1}`);
  const sectorCount = districts.length * SECTORS_PER_DISTRICT;
  const unitsPerSector = Math.min(MAX_UNITS_PER_SECTOR, Math.max(8, Math.ceil(households / HOUSEHOLDS_PER_UNIT / sectorCount)));
  const sectors: Sector[] = [];
  districts.forEach((district, d) => {
    for (let s = 1; s <= SECTORS_PER_DISTRICT; s++) {
      const decile = Math.min(10, Math.max(1, (DISTRICT_DECILES[d] as number) + rng.intBetween(-1, 1)));
      const letters = rng.shuffled(Array.from({ length: MAX_UNITS_PER_SECTOR }, (_, i) =>
        `${UNIT_LETTERS[Math.floor(i / UNIT_LETTERS.length)]}${UNIT_LETTERS[i % UNIT_LETTERS.length]}`));
      const units = letters.slice(0, unitsPerSector).sort().map((l) => ({
        postcode: `${district} ${s}${l}`,
        street: rng.pick(streets),
      }));
      sectors.push({ district, code: `${district} ${s}`, decile, units });
    }
  });
  return { sectors, districts };
}
