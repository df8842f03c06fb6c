/** Weights from a trained model: log2 Bayes factors per level, the prior, and TF references. */
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import type { ComparisonParams, LevelParams } from '../training/model-schema.ts';

/** Smallest m or u used in a weight, so that an unseen level is strong evidence, not infinite. */
export const PROBABILITY_FLOOR = 1e-7;

/** The level's Bayes factor m/u (1 for the missing-value level). */
export function bayesFactor(level: LevelParams): number {
  if (level.m === null || level.u === null) return 1;
  return Math.max(level.m, PROBABILITY_FLOOR) / Math.max(level.u, PROBABILITY_FLOOR);
}

/** The level's match weight, log2 of its Bayes factor. */
export const levelWeight = (level: LevelParams): number => Math.log2(bayesFactor(level));

/** The prior's match weight, log2(λ / (1 − λ)). */
export const priorWeight = (lambda: number): number => Math.log2(lambda / (1 - lambda));

/** Match probability from a match weight. */
export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);

/** Match weight from a match probability. */
export const weightOf = (probability: number): number => Math.log2(probability / (1 - probability));

/**
 * The u a TF adjustment is measured against: the u of the comparison's exact level on the same
 * column (Splink's reference), or the level's own u when there is none.
 */
export function tfReferenceU(comparison: Comparison, params: ComparisonParams, levelIndex: number, column: string): number {
  const exact = comparison.levels.findIndex((l) => l.kind === 'exact' && l.column === column);
  const u = params.levels[exact >= 0 ? exact : levelIndex]?.u ?? null;
  return Math.max(u ?? PROBABILITY_FLOOR, PROBABILITY_FLOOR);
}
