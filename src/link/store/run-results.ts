/**
 * Reads a finished run out of DuckDB for writing back to the store: each record's cluster and
 * the probability of its best link inside its cluster, the links kept (those joining each person
 * and those put to review, with their comparison vectors) and the pairs for clerical review.
 * Record ids are source record ids.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LinkResult } from '../link-records.ts';
import { gammaColumn } from '../predict/comparison-vector-sql.ts';
import { reviewPairsSql, reviewParams } from '../cluster/review-pairs-sql.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { ScoredLinks } from './insert-links.ts';

export interface RecordClusters {
  readonly records: number[];
  readonly clusters: number[];
  /** Probability of the record's strongest link inside its cluster (null for a singleton). */
  readonly probabilities: Array<number | null>;
}

export interface ScoredPairs {
  readonly left: number[];
  readonly right: number[];
  readonly weight: number[];
  readonly probability: number[];
  /** JSON of the comparison vector (`{ name: level }`), or the review reason. */
  readonly detail: string[];
}

async function columns(connection: DuckDBConnection, sql: string, params?: Record<string, number>): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getColumnsJS() as unknown[][];
}

/** Every record of the run with its cluster (the smallest `__rid` in it) and confidence. */
export async function readRecordClusters(connection: DuckDBConnection, result: LinkResult): Promise<RecordClusters> {
  const { records, clusters, scored } = result.tables;
  const [ids, cluster, probability] = await columns(connection, `WITH cl AS (
  SELECT r.__rid, r.record_id, coalesce(c.cluster_id, r.__rid) AS cluster FROM ${quoteIdent(records)} AS r LEFT JOIN ${quoteIdent(clusters)} AS c USING (__rid)),
inside AS (SELECT s.__rid_l, s.__rid_r, s.match_weight FROM ${quoteIdent(scored)} AS s
  JOIN cl AS a ON a.__rid = s.__rid_l JOIN cl AS b ON b.__rid = s.__rid_r WHERE a.cluster = b.cluster),
best AS (SELECT rid, max(w) AS w FROM (SELECT __rid_l AS rid, match_weight AS w FROM inside UNION ALL SELECT __rid_r, match_weight FROM inside) GROUP BY rid)
SELECT cl.record_id::BIGINT::DOUBLE, cl.cluster::DOUBLE, CASE WHEN best.w IS NULL THEN NULL ELSE 1 / (1 + pow(2, -best.w)) END
FROM cl LEFT JOIN best ON best.rid = cl.__rid ORDER BY cl.__rid`);
  return { records: ids as number[], clusters: cluster as number[], probabilities: probability as Array<number | null> };
}

const ordered = (records: string) => `
JOIN ${quoteIdent(records)} AS l ON l.__rid = s.__rid_l JOIN ${quoteIdent(records)} AS r ON r.__rid = s.__rid_r`;

/**
 * The links the store keeps, smaller source record id on the left, with their comparison vectors:
 * those that join each person (the clustering's spanning forest: a person of n records has n − 1)
 * and the pairs put to clerical review. Other scored pairs — inside a person through stronger
 * links, or between persons and decided by the threshold — are the run's working, not kept: a
 * child with nine school census records has 8 links, not 36 (and the demo town's run writes
 * about 90,000 rows, not 370,000).
 */
export async function readScoredPairs(connection: DuckDBConnection, result: LinkResult): Promise<ScoredLinks> {
  const { records, scored, clusters } = result.tables;
  const { comparisons } = result.model.spec;
  const [left, right, weight, probability, ...levels] = await columns(connection, `WITH kept AS (
  SELECT __rid_l, __rid_r FROM ${quoteIdent(`${clusters}_tree`)} UNION SELECT __rid_l, __rid_r FROM (${reviewPairsSql(result)}))
SELECT least(l.record_id::BIGINT, r.record_id::BIGINT)::DOUBLE, greatest(l.record_id::BIGINT, r.record_id::BIGINT)::DOUBLE,
  s.match_weight, s.match_probability${comparisons.map((c) => `, s.${quoteIdent(gammaColumn(c))}::INTEGER`).join('')}
FROM ${quoteIdent(scored)} AS s SEMI JOIN kept AS k ON k.__rid_l = s.__rid_l AND k.__rid_r = s.__rid_r ${ordered(records)} ORDER BY 1, 2`, reviewParams(result));
  return {
    left: left as number[], right: right as number[], weight: weight as number[], probability: probability as number[],
    comparisons: { names: comparisons.map((c) => c.name), levels: levels as number[][] },
  };
}

/** Pairs for clerical review: decisions that would change a person (see cluster/review-pairs-sql.ts). */
export async function readReviewPairs(connection: DuckDBConnection, result: LinkResult): Promise<ScoredPairs> {
  const { records } = result.tables;
  const [left, right, weight, probability, detail] = await columns(connection, `SELECT
  least(l.record_id::BIGINT, r.record_id::BIGINT)::DOUBLE, greatest(l.record_id::BIGINT, r.record_id::BIGINT)::DOUBLE,
  max(s.match_weight), max(1 / (1 + pow(2, -s.match_weight))), min(s.reason)
FROM (${reviewPairsSql(result)}) AS s ${ordered(records)}
GROUP BY 1, 2 ORDER BY 1, 2`, reviewParams(result));
  return { left: left as number[], right: right as number[], weight: weight as number[], probability: probability as number[], detail: detail as string[] };
}
