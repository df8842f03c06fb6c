/**
 * The match weight of a pair in SQL: the prior plus, for each comparison, the weight of the level
 * it falls in, plus term-frequency adjustments: weight × log2(u_exact / tf), where tf is the
 * larger of the two values' frequencies (a match on a rare name counts for more).
 */
import { derivedColumn } from '../levels/level-handler.ts';
import { tfColumnOf } from '../levels/levels.ts';
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import { call, type Dialect } from '../sql/dialect.ts';
import { pairColumn, quoteIdent, sqlNumber } from '../sql/quote.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { gammaColumn } from './comparison-vector-sql.ts';
import { levelWeight, priorWeight, tfReferenceU } from './model-weights.ts';

/** The pair columns holding term frequencies that the weight reads. */
export function tfPairColumns(spec: LinkageSpec): string[] {
  const columns = new Set(spec.comparisons.flatMap((c) => c.levels.map(tfColumnOf).filter((x): x is string => !!x)));
  return [...columns].flatMap((c) => [`${derivedColumn.tf(c)}_l`, `${derivedColumn.tf(c)}_r`]);
}

/** The weight a comparison contributes, as SQL (level weight and its TF adjustment). */
export function comparisonWeightSql(model: TrainedModel, index: number, dialect: Dialect): string {
  const comparison = model.spec.comparisons[index]!;
  const params = model.comparisons[index]!;
  const g = quoteIdent(gammaColumn(comparison));
  const whens = params.levels.map((level, k) => `WHEN ${k} THEN ${sqlNumber(levelWeight(level))}`).join(' ');
  const parts = [`CASE ${g} ${whens} ELSE 0 END`];
  comparison.levels.forEach((level, k) => {
    const column = tfColumnOf(level);
    if (!column || !('tf_adjustment' in level) || !level.tf_adjustment) return;
    const tf = call(dialect, 'greatest', pairColumn(derivedColumn.tf(column), 'l'), pairColumn(derivedColumn.tf(column), 'r'));
    const uRef = tfReferenceU(comparison, params, k, column);
    const adjust = `${sqlNumber(level.tf_adjustment.weight)} * ${call(dialect, 'log2', `${sqlNumber(uRef)} / ${tf}`)}`;
    parts.push(`CASE WHEN ${g} = ${k} THEN coalesce(${adjust}, 0) ELSE 0 END`);
  });
  return parts.join(' + ');
}

/** The whole match weight expression. */
export function matchWeightSql(model: TrainedModel, dialect: Dialect): string {
  const terms = model.spec.comparisons.map((_, i) => `(${comparisonWeightSql(model, i, dialect)})`);
  return [sqlNumber(priorWeight(model.prior.lambda)), ...terms].join('\n  + ');
}
