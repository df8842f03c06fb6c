/**
 * Ethnicity in the town: the DfE school-census codes (the finest coding any agency uses), the
 * five ONS 2021 major groups (the truth and the fairness audit use these), and the police
 * "self-defined 18+1" codes. Shares among the town's children are our choice, except the Black
 * share of 10–17-year-olds (6%, S69); see docs/causal-model.md.
 */
import type { Rng } from '../random/prng.ts';
import type { EthnicGroup } from '../bias-spec.ts';

export interface Ethnicity {
  readonly code: string;
  readonly group: EthnicGroup;
  /** Police self-defined (18+1) code. */
  readonly police: string;
  /** Share among the town's children (relative weight). */
  readonly weight: number;
}

export const ETHNICITIES: readonly Ethnicity[] = [
  { code: 'WBRI', group: 'White', police: 'W1', weight: 65.0 },
  { code: 'WIRI', group: 'White', police: 'W2', weight: 0.4 },
  { code: 'WIRT', group: 'White', police: 'W3', weight: 0.2 },
  { code: 'WROM', group: 'White', police: 'W9', weight: 0.5 },
  { code: 'WOTH', group: 'White', police: 'W9', weight: 7.0 },
  { code: 'MWBC', group: 'Mixed', police: 'M1', weight: 1.6 },
  { code: 'MWBA', group: 'Mixed', police: 'M2', weight: 0.8 },
  { code: 'MWAS', group: 'Mixed', police: 'M3', weight: 1.6 },
  { code: 'MOTH', group: 'Mixed', police: 'M9', weight: 2.4 },
  { code: 'AIND', group: 'Asian', police: 'A1', weight: 3.5 },
  { code: 'APKN', group: 'Asian', police: 'A2', weight: 4.5 },
  { code: 'ABAN', group: 'Asian', police: 'A3', weight: 1.8 },
  { code: 'CHNE', group: 'Asian', police: 'A4', weight: 0.5 },
  { code: 'AOTH', group: 'Asian', police: 'A9', weight: 2.2 },
  { code: 'BCRB', group: 'Black', police: 'B1', weight: 1.2 },
  { code: 'BAFR', group: 'Black', police: 'B2', weight: 3.8 },
  { code: 'BOTH', group: 'Black', police: 'B9', weight: 1.0 },
  { code: 'OOTH', group: 'Other', police: 'O9', weight: 2.0 },
];

const BY_CODE = new Map(ETHNICITIES.map((e) => [e.code, e]));
const WEIGHTS = ETHNICITIES.map((e) => e.weight);

/** The ethnicity with this DfE code. */
export function ethnicity(code: string): Ethnicity {
  const found = BY_CODE.get(code);
  if (!found) throw new RangeError(`unknown ethnicity code ${code}`);
  return found;
}

/** A child's ethnicity, drawn from the town's shares. */
export function drawChildEthnicity(rng: Rng): Ethnicity {
  return ETHNICITIES[rng.weighted(WEIGHTS)] as Ethnicity;
}

/** The parents' codes for a child's code: two different ones for a Mixed child. */
const MIXED_PARENTS: Record<string, readonly [string, readonly string[]]> = {
  MWBC: ['WBRI', ['BCRB']],
  MWBA: ['WBRI', ['BAFR']],
  MWAS: ['WBRI', ['AIND', 'APKN', 'ABAN']],
  MOTH: ['WOTH', ['AOTH', 'BOTH', 'OOTH', 'CHNE']],
};

/** The mother's and father's ethnicity codes for a family whose children have `childCode`. */
export function parentEthnicities(rng: Rng, childCode: string): { mother: string; father: string } {
  const mixed = MIXED_PARENTS[childCode];
  if (!mixed) return { mother: childCode, father: childCode };
  const [white, others] = mixed;
  const other = rng.pick(others);
  return rng.chance(0.5) ? { mother: white, father: other } : { mother: other, father: white };
}
