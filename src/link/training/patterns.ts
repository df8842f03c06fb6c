/** Comparison-vector patterns with counts: what u estimation and EM work from, read into TS. */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { gammaColumn } from '../predict/comparison-vector-sql.ts';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { queryRows } from '../sql/pipeline.ts';

export interface Pattern {
  readonly gammas: readonly number[];
  readonly count: number;
}

/** Runs a pattern-count query and reads the patterns. */
export async function readPatterns(
  connection: DuckDBConnection,
  sql: string,
  comparisons: readonly Comparison[],
  params?: Record<string, DuckDBValue>,
): Promise<Pattern[]> {
  const rows = await queryRows<Record<string, number>>(connection, sql, params);
  return rows.map((row) => ({ gammas: comparisons.map((c) => Number(row[gammaColumn(c)])), count: Number(row.n) }));
}

/** Pairs per level of each comparison (`counts[comparison][level]`). */
export function levelCounts(patterns: readonly Pattern[], comparisons: readonly Comparison[]): number[][] {
  const counts = comparisons.map((c) => c.levels.map(() => 0));
  for (const { gammas, count } of patterns) {
    gammas.forEach((g, i) => { counts[i]![g]! += count; });
  }
  return counts;
}

/** Total pairs in the patterns. */
export const totalPairs = (patterns: readonly Pattern[]): number => patterns.reduce((s, p) => s + p.count, 0);
