/**
 * The clerical review queue of a run, narrowed to decisions that would change a person: links
 * below the review ceiling that hold a cluster together (its weakest, one per cluster), and,
 * between two clusters, their strongest pair in the uncertain band or the link clustering refused
 * or cut (one per pair of clusters). Pairs agreeing on names alone, pairs already in one cluster
 * through stronger links, and links refused because the records are recorded as related or
 * would make a parent younger than their child, are left out.
 */
import type { LinkResult } from '../link-records.ts';
import { weightOf } from '../predict/model-weights.ts';
import { quoteIdent } from '../sql/quote.ts';
import { AGE_REASON, RELATED_REASON } from './cluster-edges.ts';
import { evidencePredicate } from './link-evidence-sql.ts';

export const UNCERTAIN_PAIR_REASON = 'uncertain match probability';

/**
 * SQL selecting `__rid_l, __rid_r, match_weight, reason, cluster_l, cluster_r` for each review
 * item; parameters from `reviewParams`.
 */
export function reviewPairsSql(result: LinkResult): string {
  const { scored, clusters } = result.tables;
  const cluster = (side: string) => `coalesce((SELECT cluster_id FROM ${quoteIdent(clusters)} WHERE __rid = c.__rid_${side}), c.__rid_${side})`;
  return `SELECT __rid_l, __rid_r, match_weight, reason, cluster_l, cluster_r FROM (
  SELECT c.*, ${cluster('l')} AS cluster_l, ${cluster('r')} AS cluster_r FROM (
    SELECT __rid_l, __rid_r, match_weight, '${UNCERTAIN_PAIR_REASON}' AS reason FROM ${quoteIdent(scored)} AS s
    WHERE match_weight >= $review_floor AND match_weight < $review_ceiling AND ${evidencePredicate(result.model, 's.')}
    UNION ALL SELECT __rid_l, __rid_r, match_weight, reason FROM ${quoteIdent(`${clusters}_review`)} WHERE reason NOT IN ('${RELATED_REASON}', '${AGE_REASON}')) AS c)
WHERE NOT (reason = '${UNCERTAIN_PAIR_REASON}' AND cluster_l = cluster_r)
QUALIFY row_number() OVER (PARTITION BY least(cluster_l, cluster_r), greatest(cluster_l, cluster_r)
  ORDER BY CASE WHEN cluster_l = cluster_r THEN match_weight ELSE -match_weight END, __rid_l, __rid_r) = 1`;
}

/** The parameters of `reviewPairsSql`. */
export function reviewParams(result: LinkResult): { review_floor: number; review_ceiling: number } {
  const { review_floor: floor, review_ceiling: ceiling } = result.model.spec.thresholds;
  return { review_floor: floor > 0 ? weightOf(floor) : -1e308, review_ceiling: weightOf(ceiling) };
}
