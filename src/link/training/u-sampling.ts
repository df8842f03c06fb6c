/**
 * u by random sampling (as Splink does): compare a seeded random sample of records with each
 * other; the share of those pairs at each level estimates P(level | non-match), since almost no
 * random pair is a match. A level the sample never shows falls back to the chance that two
 * records share a value (exact levels) or to half a pair, with a warning.
 */
import { pairFilter, pairSelectList } from '../blocking/blocked-pairs-sql.ts';
import { pairContext } from '../levels/level-handler.ts';
import { comparisonVectorSql, patternCountSql } from '../predict/comparison-vector-sql.ts';
import type { RunContext } from '../run-context.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent, sqlNumber } from '../sql/quote.ts';
import { levelCounts, readPatterns, totalPairs } from './patterns.ts';

export interface UEstimate {
  readonly u: number[][];
  readonly sources: Array<Array<'random_sample' | 'term_frequency' | 'default' | 'none'>>;
  readonly pairs: number;
  readonly warnings: string[];
}

/** How many records to sample so that their pairs number about `maxPairs`. */
export function uSampleSize(sourceSizes: readonly number[], maxPairs: number, crossOnly: boolean): number {
  const total = sourceSizes.reduce((s, n) => s + n, 0);
  if (total === 0) return 0;
  const crossShare = crossOnly ? 1 - sourceSizes.reduce((s, n) => s + (n / total) ** 2, 0) : 1;
  if (crossShare <= 0) return 0;
  return Math.min(total, Math.ceil(Math.sqrt((2 * maxPairs) / crossShare)) + 1);
}

/** The pattern-count SQL over all pairs of the first `n` records in seeded random order. */
export function uSampleSql(ctx: RunContext, n: number): string {
  const records = quoteIdent(ctx.names.records);
  const pairs = `SELECT ${pairSelectList(ctx.shape.pairColumns)}
FROM (SELECT * FROM ${records} ORDER BY __rand, __rid LIMIT ${sqlNumber(n)}) AS l
JOIN (SELECT * FROM ${records} ORDER BY __rand, __rid LIMIT ${sqlNumber(n)}) AS r ON ${pairFilter(ctx.spec.link_type)}`;
  return patternCountSql(comparisonVectorSql(pairs, ctx.spec.comparisons, pairContext(ctx.dialect)), ctx.spec.comparisons);
}

/** Chance that two records share a value of the column (sum of squared value shares). */
async function coincidence(ctx: RunContext, column: string): Promise<number> {
  const c = quoteIdent(column);
  const [row] = await queryRows<{ p: number | null }>(ctx.connection,
    `SELECT sum(n * n) / (sum(n) * sum(n)) AS p FROM (SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(ctx.names.records)} WHERE ${c} IS NOT NULL GROUP BY ${c})`);
  return row?.p ?? 0;
}

/** Estimates u for every level of every comparison. */
export async function estimateU(ctx: RunContext, sourceSizes: readonly number[]): Promise<UEstimate> {
  const { comparisons } = ctx.spec;
  const n = uSampleSize(sourceSizes, ctx.spec.training.u_max_pairs, ctx.spec.link_type === 'link');
  const patterns = await readPatterns(ctx.connection, uSampleSql(ctx, n), comparisons);
  const counts = levelCounts(patterns, comparisons);
  const warnings: string[] = [];
  const u: number[][] = [];
  const sources: UEstimate['sources'] = [];
  for (const [i, comparison] of comparisons.entries()) {
    const nonNull = comparison.levels.reduce((s, l, g) => (l.kind === 'null' ? s : s + counts[i]![g]!), 0);
    const row: number[] = [];
    const rowSources: UEstimate['sources'][number] = [];
    for (const [g, level] of comparison.levels.entries()) {
      const count = counts[i]![g]!;
      if (level.kind === 'null') { row.push(0); rowSources.push('none'); continue; }
      if (count >= 5 || (count > 0 && level.kind !== 'exact')) { row.push(count / nonNull); rowSources.push('random_sample'); continue; }
      if (level.kind === 'exact') {
        const p = await coincidence(ctx, level.column);
        if (p > 0) { row.push(p); rowSources.push('term_frequency'); continue; }
      }
      const fallback = 1 / (2 * Math.max(nonNull, 1));
      warnings.push(`u for "${comparison.name}" level "${level.kind}" was never observed in ${nonNull} random pairs; set to ${fallback.toExponential(2)}`);
      row.push(fallback);
      rowSources.push('default');
    }
    u.push(row);
    sources.push(rowSources);
  }
  return { u, sources, pairs: totalPairs(patterns), warnings };
}
