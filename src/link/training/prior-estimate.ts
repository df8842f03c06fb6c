/**
 * The prior λ (probability that two random records match) from deterministic rules: the pairs
 * those rules find, divided by their expected recall, as a share of all possible comparisons.
 */
import { blockedPairsSql } from '../blocking/blocked-pairs-sql.ts';
import type { LinkType } from '../spec/linkage-spec-schema.ts';
import type { RunContext } from '../run-context.ts';
import { queryRows } from '../sql/pipeline.ts';

/** All comparisons the link type allows among records from sources of these sizes. */
export function totalComparisons(linkType: LinkType, sourceSizes: readonly number[]): number {
  const n = sourceSizes.reduce((s, x) => s + x, 0);
  if (linkType !== 'link') return (n * (n - 1)) / 2;
  return (n * n - sourceSizes.reduce((s, x) => s + x * x, 0)) / 2;
}

export interface PriorEstimate {
  readonly lambda: number;
  readonly deterministicPairs: number;
  readonly totalComparisons: number;
}

/** Counts deterministic pairs and turns them into λ. */
export async function estimatePrior(ctx: RunContext, sourceSizes: readonly number[]): Promise<PriorEstimate> {
  const { spec } = ctx;
  const sql = blockedPairsSql({
    records: ctx.names.records, rules: spec.training.deterministic_rules, keys: ctx.keys,
    linkType: spec.link_type, columns: [],
  });
  const [row] = await queryRows<{ n: number }>(ctx.connection, `SELECT count(*)::DOUBLE AS n FROM (${sql})`);
  const deterministicPairs = row?.n ?? 0;
  const total = totalComparisons(spec.link_type, sourceSizes);
  const raw = total > 0 ? deterministicPairs / spec.training.deterministic_recall / total : 0;
  const lambda = Math.min(Math.max(raw, 1e-9), 0.5);
  return { lambda, deterministicPairs, totalComparisons: total };
}
