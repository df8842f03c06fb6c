/**
 * A synthetic cohort with a known, non-linear truth, for tests and benchmarks (never real people):
 * risk peaks at age 15–16, rises with prior contacts (concave), is U-shaped in a "months at address"
 * measure, jumps below 80% attendance, and depends on a categorical area and a 0/1 exclusion flag.
 * A protected group is correlated with area (so the audit's proxy check has something to find) but
 * does not enter the truth. Extra noise features pad the table to benchmark sizes.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import { normalDraw, seededRandom } from '../numerics/seeded-random.ts';
import { sigmoid } from '../numerics/logistic.ts';

export interface SyntheticCohortOptions {
  rows: number;
  seed?: number;
  /** Share of missing values in attendance and housing (default 0.1). */
  missingShare?: number;
  /** Extra pure-noise numeric and categorical features. */
  noiseNumeric?: number;
  noiseCategorical?: number;
  /** Intercept of the true logit (default −1.6, a base rate near 0.25). */
  baseLogit?: number;
}

export interface SyntheticCohort {
  features: FeatureColumn[];
  labels: Uint8Array;
  /** The true probability of each row. */
  truth: Float64Array;
  /** A protected attribute (never a feature): group A, B or C. */
  group: string[];
}

const AREAS = ['north', 'south', 'east', 'west', 'centre', 'docks'];
const AREA_EFFECT = [0, 0.3, -0.2, 0.1, 0.6, 0.9];
const HOUSING = ['owned', 'social', 'private', 'temporary'];
const HOUSING_EFFECT = [-0.3, 0.2, 0, 0.8];

/** The true age effect: a bump peaking at 15.5. */
export function trueAgeEffect(age: number): number {
  return 1.6 * Math.exp(-((age - 15.5) ** 2) / 3) - 0.5;
}

/** The true effect of months at the current address: U-shaped (both very short and very long stays). */
export function trueStayEffect(months: number): number {
  return 0.004 * (months - 60) ** 2 / 10 - 0.6;
}

/** Generates the cohort. */
export function syntheticCohort(options: SyntheticCohortOptions): SyntheticCohort {
  const { rows: n, seed = 7, missingShare = 0.1, noiseNumeric = 0, noiseCategorical = 0, baseLogit = -1.6 } = options;
  const random = seededRandom(seed);
  const age = new Float64Array(n), priors = new Float64Array(n), stay = new Float64Array(n);
  const attendance = new Float64Array(n), excluded = new Float64Array(n);
  const area: string[] = [], housing: (string | null)[] = [], group: string[] = [];
  const labels = new Uint8Array(n), truth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.floor(random() * AREAS.length);
    const g = random() < 0.3 + 0.1 * a ? 'A' : random() < 0.6 ? 'B' : 'C';
    const h = Math.floor(random() * HOUSING.length);
    age[i] = Math.round((10 + random() * 15) * 10) / 10;
    priors[i] = Math.floor(-Math.log(1 - random()) * (1 + AREA_EFFECT[a]!));
    stay[i] = Math.round(random() * 120);
    const att = Math.min(100, Math.max(20, 88 + 10 * normalDraw(random)));
    excluded[i] = random() < 0.08 + 0.04 * (att < 80 ? 1 : 0) ? 1 : 0;
    const eta = baseLogit + trueAgeEffect(age[i]!) + 0.7 * Math.log1p(priors[i]!) + trueStayEffect(stay[i]!)
      + (att < 80 ? 0.9 : 0) + 0.8 * excluded[i]! + AREA_EFFECT[a]! + HOUSING_EFFECT[h]!;
    attendance[i] = random() < missingShare ? NaN : Math.round(att * 10) / 10;
    housing.push(random() < missingShare ? null : HOUSING[h]!);
    area.push(AREAS[a]!);
    group.push(g);
    truth[i] = sigmoid(eta);
    labels[i] = random() < truth[i]! ? 1 : 0;
  }
  const features: FeatureColumn[] = [
    { kind: 'numeric', name: 'age', values: age },
    { kind: 'numeric', name: 'prior_contacts', values: priors },
    { kind: 'numeric', name: 'months_at_address', values: stay },
    { kind: 'numeric', name: 'attendance', values: attendance },
    { kind: 'binary', name: 'excluded', values: excluded },
    { kind: 'categorical', name: 'area', values: area },
    { kind: 'categorical', name: 'housing', values: housing },
  ];
  for (let k = 0; k < noiseNumeric; k++) {
    features.push({ kind: 'numeric', name: `noise_${k + 1}`, values: Float64Array.from({ length: n }, () => normalDraw(random)) });
  }
  for (let k = 0; k < noiseCategorical; k++) {
    const levels = 3 + (k % 10);
    features.push({ kind: 'categorical', name: `noise_level_${k + 1}`, values: Array.from({ length: n }, () => `L${Math.floor(random() * levels)}`) });
  }
  return { features, labels, truth, group };
}
