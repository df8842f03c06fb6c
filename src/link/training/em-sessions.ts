/**
 * Training sessions: for each training blocking rule, the comparison vectors of the pairs it
 * finds (a seeded sample of records when the blocks hold too many pairs) and EM over them. The
 * comparisons on the rule's columns keep their m fixed in that session; every other comparison's
 * m estimates from the sessions are averaged.
 */
import { blockedPairsSql, blockSizeSql } from '../blocking/blocked-pairs-sql.ts';
import { pairContext } from '../levels/level-handler.ts';
import { levelColumns } from '../levels/levels.ts';
import { comparisonVectorSql, patternCountSql } from '../predict/comparison-vector-sql.ts';
import type { RunContext } from '../run-context.ts';
import { type BlockingRule, ruleName } from '../spec/blocking-rule-schema.ts';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { queryRows } from '../sql/pipeline.ts';
import { runEm } from './em-training.ts';
import type { SessionSummary } from './model-schema.ts';
import { levelCounts, readPatterns, totalPairs } from './patterns.ts';

export interface SessionsResult {
  readonly m: number[][];
  /** Whether each level's m came from EM (false: never observed or never estimated). */
  readonly estimated: boolean[][];
  readonly sessions: SessionSummary[];
  readonly warnings: string[];
}

const baseColumn = (column: string) => column.split('__')[0]!;

/** Indices of the comparisons that read a column the rule blocks on. */
export function fixedComparisons(rule: BlockingRule, comparisons: readonly Comparison[]): Set<number> {
  const blocked = new Set(rule.keys.map((k) => k.column));
  const fixed = new Set<number>();
  comparisons.forEach((c, i) => {
    if (c.levels.some((l) => levelColumns(l).some((col) => blocked.has(baseColumn(col))))) fixed.add(i);
  });
  return fixed;
}

/** Runs every training session from the starting m; returns the averaged m. */
export async function runSessions(ctx: RunContext, start: { m: number[][]; u: number[][]; lambda: number; total: number }): Promise<SessionsResult> {
  const { spec } = ctx;
  const { comparisons, training } = spec;
  const sums = comparisons.map((c) => c.levels.map(() => 0));
  const runs = comparisons.map(() => 0);
  const seen = comparisons.map((c) => c.levels.map(() => false));
  const sessions: SessionSummary[] = [];
  const warnings: string[] = [];
  let current = start.m.map((r) => [...r]);
  for (const [index, rule] of training.blocking_rules.entries()) {
    ctx.onProgress?.({ step: `training session ${index + 1}: ${ruleName(rule)}`, done: index, total: training.blocking_rules.length });
    const [size] = await queryRows<{ pairs: number }>(ctx.connection, blockSizeSql(ctx.names.records, rule, ctx.keys));
    const estimate = Math.max(size?.pairs ?? 0, 1);
    const fraction = Math.min(1, Math.sqrt(training.max_pairs_per_session / estimate));
    const pairs = blockedPairsSql({
      records: ctx.names.records, rules: [rule], keys: ctx.keys, linkType: spec.link_type,
      columns: ctx.shape.pairColumns, sampled: fraction < 1,
    });
    const sql = patternCountSql(comparisonVectorSql(pairs, comparisons, pairContext(ctx.dialect)), comparisons);
    const patterns = await readPatterns(ctx.connection, sql, comparisons, { sample_fraction: fraction });
    const pairCount = totalPairs(patterns);
    const fixed = fixedComparisons(rule, comparisons);
    const lambda0 = Math.min(0.5, Math.max(1e-4, (start.lambda * start.total * fraction * fraction) / Math.max(pairCount, 1)));
    const result = runEm({
      patterns, comparisons, m: current, u: start.u, lambda: lambda0, fixed,
      maxIterations: training.em_max_iterations, tolerance: training.em_tolerance,
    });
    const counts = levelCounts(patterns, comparisons);
    comparisons.forEach((c, i) => {
      if (fixed.has(i)) return;
      runs[i]! += 1;
      c.levels.forEach((_, g) => {
        sums[i]![g]! += result.m[i]![g]!;
        if (counts[i]![g]! > 0) seen[i]![g] = true;
      });
    });
    current = current.map((levels, i) => (runs[i] ? levels.map((_, g) => sums[i]![g]! / runs[i]!) : levels));
    sessions.push({
      rule: ruleName(rule), pairs: pairCount, sample_fraction: fraction, iterations: result.iterations,
      converged: result.converged, lambda: result.lambda, fixed: [...fixed].map((i) => comparisons[i]!.name),
    });
    if (pairCount === 0) warnings.push(`training session "${ruleName(rule)}" found no pairs`);
    else if (!result.converged) warnings.push(`training session "${ruleName(rule)}" did not converge in ${result.iterations} iterations`);
  }
  const estimated = comparisons.map((c, i) => c.levels.map((l, g) => l.kind !== 'null' && runs[i]! > 0 && seen[i]![g]!));
  const m = comparisons.map((c, i) => c.levels.map((l, g) => {
    if (l.kind === 'null') return 0;
    if (runs[i] === 0) return start.m[i]![g]!;
    return seen[i]![g] ? current[i]![g]! : start.m[i]![g]!;
  }));
  comparisons.forEach((c, i) => {
    if (runs[i] === 0) warnings.push(`m for "${c.name}" could not be estimated (every training session blocked on it); defaults used`);
    else c.levels.forEach((l, g) => {
      if (l.kind !== 'null' && !seen[i]![g]) warnings.push(`m for "${c.name}" level "${l.kind}" was never observed in training; default ${start.m[i]![g]!.toFixed(3)} used`);
    });
  });
  return { m, estimated, sessions, warnings };
}
