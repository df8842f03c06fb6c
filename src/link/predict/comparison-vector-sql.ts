/**
 * Comparison vectors: for each comparison, the index of the first level whose condition holds
 * (`g_<comparison>`), computed over a pair table with `_l` and `_r` columns.
 */
import { type LevelContext } from '../levels/level-handler.ts';
import { levelSql } from '../levels/levels.ts';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { quoteIdent } from '../sql/quote.ts';

/** The column holding a comparison's level index. */
export const gammaColumn = (comparison: Comparison | string): string =>
  `g_${typeof comparison === 'string' ? comparison : comparison.name}`;

/** `CASE WHEN <level 0> THEN 0 WHEN <level 1> THEN 1 … END` for one comparison. */
export function gammaSql(comparison: Comparison, ctx: LevelContext): string {
  const whens = comparison.levels.map((level, index) =>
    (level.kind === 'else' ? `ELSE ${index}` : `WHEN ${levelSql(level, ctx)} THEN ${index}`));
  return `CAST(CASE ${whens.join(' ')} END AS TINYINT)`;
}

/** The comparison vector columns as a select list (`CASE … END AS "g_dob"`, …). */
export function gammaSelectList(comparisons: readonly Comparison[], ctx: LevelContext): string {
  return comparisons.map((c) => `${gammaSql(c, ctx)} AS ${quoteIdent(gammaColumn(c))}`).join(',\n  ');
}

/**
 * A SELECT adding comparison vectors to a pair query, keeping the named pair columns. A costly
 * expression that two or more levels read (Jaro-Winkler of the given names at 0.9 and at 0.8;
 * the swapped-name similarity in both name comparisons) is computed once per pair in an inner
 * projection (`__shared_<n>`) rather than in each CASE branch that reaches it.
 */
export function comparisonVectorSql(
  pairsSql: string,
  comparisons: readonly Comparison[],
  ctx: LevelContext,
  keep: readonly string[] = ['__rid_l', '__rid_r'],
): string {
  const kept = keep.map((c) => quoteIdent(c));
  const uses = new Map<string, number>();
  gammaSelectList(comparisons, { ...ctx, shared: (e) => { uses.set(e, (uses.get(e) ?? 0) + 1); return e; } });
  const repeated = [...uses].filter(([, n]) => n > 1).map(([e]) => e);
  const alias = new Map(repeated.map((e, i) => [e, `__shared_${i}`]));
  const gammas = gammaSelectList(comparisons, { ...ctx, shared: (e) => alias.get(e) ?? e });
  const inner = repeated.length
    ? `SELECT *, ${repeated.map((e) => `${e} AS ${alias.get(e)}`).join(', ')} FROM (\n${pairsSql}\n) AS shared_pairs`
    : pairsSql;
  return `SELECT ${[...kept, gammas].join(',\n  ')}\nFROM (\n${inner}\n) AS pairs`;
}

/** A SELECT counting pairs per distinct comparison vector (the input of u estimation and EM). */
export function patternCountSql(vectorSql: string, comparisons: readonly Comparison[]): string {
  const gammas = comparisons.map((c) => quoteIdent(gammaColumn(c)));
  return `SELECT ${gammas.join(', ')}, count(*)::DOUBLE AS n FROM (\n${vectorSql}\n) AS vectors GROUP BY ${gammas.join(', ')}`;
}
