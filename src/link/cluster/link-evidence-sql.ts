/**
 * What a scored pair must show to become a link, as SQL predicates on its comparison vector:
 * minimum evidence (agreement on something beyond names, `clustering.names_only`), name
 * agreement (for pairs whose records are related to the same person) and given-name
 * disagreement (`clustering.relative_names`: two relatives of one person told apart).
 */
import { gammaColumn } from '../predict/comparison-vector-sql.ts';
import { levelWeight } from '../predict/model-weights.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TrainedModel } from '../training/model-schema.ts';

/** The level indexes of a comparison whose weight is positive (agreement), in order. */
export function agreeingLevels(model: TrainedModel, comparison: string): number[] {
  const at = model.spec.comparisons.findIndex((c) => c.name === comparison);
  const params = model.comparisons[at];
  if (!params) return [];
  return params.levels.flatMap((level, i) => (level.m !== null && level.u !== null && levelWeight(level) > 0 ? [i] : []));
}

/** The names among these that are comparisons of the model's spec. */
const present = (model: TrainedModel, names: readonly string[]): string[] =>
  names.filter((n) => model.spec.comparisons.some((c) => c.name === n));

/** The agreeing levels of a comparison and its missing level (the first, when it is `null`). */
const agreeingOrMissing = (model: TrainedModel, name: string): number[] =>
  [...(model.spec.comparisons.find((c) => c.name === name)?.levels[0]?.kind === 'null' ? [0] : []), ...agreeingLevels(model, name)];

const inList = (alias: string, comparison: string, levels: readonly number[]): string =>
  levels.length ? `${alias}${quoteIdent(gammaColumn(comparison))} IN (${levels.join(', ')})` : 'FALSE';

/**
 * True when the pair agrees on a comparison outside `clustering.names_only` (always true when the
 * spec names none, or when every comparison is a name: then names are all the evidence there is).
 * @example evidencePredicate(model, 's.') // (s."g_dob" IN (1, 2) OR s."g_postcode" IN (1, 2, 3) OR …)
 */
export function evidencePredicate(model: TrainedModel, alias = ''): string {
  const names = new Set(model.spec.clustering.names_only);
  const others = model.spec.comparisons.filter((c) => !names.has(c.name));
  if (!names.size || !others.length) return 'TRUE';
  return `(${others.map((c) => inList(alias, c.name, agreeingLevels(model, c.name))).join(' OR ')})`;
}

/**
 * True when the pair agrees on at least one name comparison and disagrees on none (each name
 * comparison at an agreeing level or missing on a side).
 */
export function namesAgreePredicate(model: TrainedModel, alias = ''): string {
  const names = present(model, model.spec.clustering.names_only);
  if (!names.length) return 'FALSE';
  const each = names.map((n) => inList(alias, n, agreeingOrMissing(model, n)));
  const some = names.map((n) => inList(alias, n, agreeingLevels(model, n)));
  return `(${each.join(' AND ')} AND (${some.join(' OR ')}))`;
}

/**
 * True when the pair disagrees (a level with weight zero or below, not missing) on any of
 * `clustering.relative_names`; FALSE when the spec names none.
 * @example namesDifferPredicate(model, 's.') // (s."g_given_name" NOT IN (0, 1, 3, 4))
 */
export function namesDifferPredicate(model: TrainedModel, alias = ''): string {
  const names = present(model, model.spec.clustering.relative_names);
  if (!names.length) return 'FALSE';
  return `(${names.map((n) => `NOT ${inList(alias, n, agreeingOrMissing(model, n))}`).join(' OR ')})`;
}

/**
 * True when the pair agrees (a level with positive weight) on a strong identifier that is not a
 * date (`clustering.strong_ids` of kind `identifier`); FALSE when there is none.
 */
export function idAgreementPredicate(model: TrainedModel, alias = ''): string {
  const ids = present(model, model.spec.clustering.strong_ids.filter((s) => s.kind !== 'date').map((s) => s.column));
  if (!ids.length) return 'FALSE';
  return `(${ids.map((c) => inList(alias, c, agreeingLevels(model, c))).join(' OR ')})`;
}

/**
 * True when the pair agrees (a level with positive weight) on every `clustering.relative_names`
 * comparison: two relatives of one person named alike are one person, whatever family name each
 * agency recorded (a mother under her married and her maiden name). Without relative names, the
 * names must all agree (`namesAgreePredicate`).
 */
export function relativesAlikePredicate(model: TrainedModel, alias = ''): string {
  const names = present(model, model.spec.clustering.relative_names);
  if (!names.length) return namesAgreePredicate(model, alias);
  return `(${names.map((n) => inList(alias, n, agreeingLevels(model, n))).join(' AND ')})`;
}
