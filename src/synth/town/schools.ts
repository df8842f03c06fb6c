/**
 * The town's schools: primaries and secondaries in each district, sized to the number of children
 * per year group, and one pupil referral unit for permanently excluded pupils. Establishment
 * numbers follow DfE conventions (LA code, then 2xxx primary, 4xxx secondary, 1xxx PRU) under a
 * local-authority code (990) that no real authority has.
 */
import type { Rng } from '../random/prng.ts';
import type { Geography } from './geography.ts';

export const LA_CODE = '990';
export type SchoolPhase = 'primary' | 'secondary' | 'pru';

export interface School {
  /** Seven digits: LA code and establishment number. */
  readonly laEstab: string;
  readonly estab: string;
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly district: string;
}

export interface Schools {
  readonly all: readonly School[];
  readonly byPhaseAndDistrict: ReadonlyMap<string, readonly School[]>;
  readonly pru: School;
}

const PRIMARY_PER_YEAR_GROUP = 45;
const SECONDARY_PER_YEAR_GROUP = 180;
const NAME_WORDS = ['Oak', 'Willow', 'Meadow', 'Brook', 'Castle', 'Church', 'Hill', 'Park', 'Vale', 'Mill',
  'Bridge', 'Ash', 'Elm', 'Riverside', 'Greenfield', 'Hawthorn', 'Kingsway', 'Holly', 'Beacon', 'Fern'] as const;

/**
 * Builds the schools of a town with about `perYearGroup` children in each year group.
 *
 * @example buildSchools(rng, geography, 600).pru.laEstab // '9901100'
 */
export function buildSchools(rng: Rng, geography: Geography, perYearGroup: number): Schools {
  const all: School[] = [];
  const byPhaseAndDistrict = new Map<string, School[]>();
  let primaryNo = 2000, secondaryNo = 4000, urn = 190000;
  const words = rng.shuffled(NAME_WORDS);
  const perDistrict = perYearGroup / geography.districts.length;
  geography.districts.forEach((district, d) => {
    const make = (phase: 'primary' | 'secondary', n: number): void => {
      const list: School[] = [];
      for (let i = 0; i < n; i++) {
        const estab = String(phase === 'primary' ? ++primaryNo : ++secondaryNo);
        const word = words[(d * 3 + i + (phase === 'primary' ? 0 : 7)) % words.length];
        const name = phase === 'primary' ? `${word} ${district} Primary School` : `${word} Academy ${district}`;
        urn += rng.intBetween(3, 40);
        list.push({ laEstab: LA_CODE + estab, estab, urn: String(urn), name, phase, district });
      }
      all.push(...list);
      byPhaseAndDistrict.set(`${phase}:${district}`, list);
    };
    make('primary', Math.max(1, Math.ceil(perDistrict / PRIMARY_PER_YEAR_GROUP)));
    make('secondary', Math.max(1, Math.ceil(perDistrict / SECONDARY_PER_YEAR_GROUP)));
  });
  const pru: School = {
    laEstab: `${LA_CODE}1100`, estab: '1100', urn: String(urn + 11), name: 'Tributary Vale Pupil Referral Unit',
    phase: 'pru', district: geography.districts[0] ?? 'TB1',
  };
  all.push(pru);
  return { all, byPhaseAndDistrict, pru };
}

/** A school of `phase` in `district` (any district's if it has none). */
export function pickSchool(rng: Rng, schools: Schools, phase: 'primary' | 'secondary', district: string): School {
  const local = schools.byPhaseAndDistrict.get(`${phase}:${district}`);
  if (local?.length) return rng.pick(local);
  return rng.pick(schools.all.filter((s) => s.phase === phase));
}
