/**
 * The outline of a family before its history is lived: the mother's and father's dates of birth,
 * the children's planned births (only those aged 0–25 at the extract date, thinned to the age
 * profile), the family's socio-economic position and ethnicity, and how the parents start out.
 */
import { addYears, ageOn, daysIn, type Day } from '../calendar/day.ts';
import type { AgeBand } from '../options.ts';
import { drawChildEthnicity, parentEthnicities } from '../people/ethnicity.ts';
import type { Rng } from '../random/prng.ts';
import { FAMILY } from './causal-parameters.ts';

export interface FamilyPlan {
  readonly childEthnicity: string;
  readonly motherEthnicity: string;
  readonly fatherEthnicity: string;
  /** Socio-economic position (standard normal; high = affluent). */
  readonly ses: number;
  /** The deprivation decile the family first lives in (1 = most deprived). */
  readonly decile: number;
  readonly motherDob: Day;
  readonly fatherDob: Day;
  readonly births: readonly Day[];
  readonly together: boolean;
  readonly married: boolean;
  readonly fatherInTown: boolean;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Keep-probability per age 0–25 from the configured bands (the heaviest year keeps all). */
export function ageKeepProbabilities(profile: readonly AgeBand[]): number[] {
  const perYear = Array.from({ length: 26 }, (_, age) => {
    const band = profile.find((b) => age >= b.from && age <= b.to);
    return band ? band.weight / (band.to - band.from + 1) : 0;
  });
  const max = Math.max(...perYear);
  return perYear.map((w) => (max > 0 ? w / max : 0));
}

/**
 * Draws one family's outline, or null when none of its children is 0–25 at the extract date
 * (such a family has no one in scope, and is not part of the town).
 */
export function planFamily(rng: Rng, extractDay: Day, keep: readonly number[]): FamilyPlan | null {
  const ses = rng.normal();
  const decile = Math.min(10, Math.max(1, Math.ceil(10 * normalCdf(0.9 * ses + 0.44 * rng.normal()))));
  const motherDob = extractDay - rng.int(daysIn(72 - 16)) - daysIn(16);
  const firstAge = Math.min(41, Math.max(16, 28 + 1.2 * ses + 5 * rng.normal()));
  const count = 1 + rng.weighted([35, 40, 17, 6, 2]);
  const births: Day[] = [];
  let at = motherDob + daysIn(firstAge);
  for (let i = 0; i < count && ageOn(motherDob, at) < 45; i++) {
    const age = ageOn(at, extractDay);
    if (at <= extractDay && age <= 25 && rng.chance(keep[age] ?? 0)) births.push(at);
    at += daysIn(1.2 + rng.between(0, 1) * 4);
  }
  if (births.length === 0) return null;
  const child = drawChildEthnicity(rng);
  const parents = parentEthnicities(rng, child.code);
  const together = rng.chance(FAMILY.togetherAtFirstBirth);
  return {
    childEthnicity: child.code, motherEthnicity: parents.mother, fatherEthnicity: parents.father,
    ses, decile, motherDob,
    // Fathers are older than mothers by a few years on average (ours, in the direction of ONS
    // births by parents' characteristics), and at least 16 at the first birth.
    fatherDob: Math.min(addYears(motherDob, -Math.round(2.5 + 3 * rng.normal())) + rng.int(365), motherDob + daysIn(firstAge) - daysIn(16)),
    births, together,
    married: together && rng.chance(FAMILY.marriedIfTogether),
    fatherInTown: together || rng.chance(FAMILY.fatherStaysInTown),
  };
}
