/**
 * Scoring for an incremental run: the new records (left) blocked against every record with the
 * saved model's rules, each unordered pair once and never a record with itself, scored with the
 * saved model into `<records>_incremental` (pairs at or above the review floor).
 */
import { blockedPairsSql } from '../blocking/blocked-pairs-sql.ts';
import { pairContext } from '../levels/level-handler.ts';
import { specKeyColumns } from '../prepare/blocking-key-columns.ts';
import { preparedShape } from '../prepare/record-preparation.ts';
import { comparisonVectorSql, gammaColumn } from '../predict/comparison-vector-sql.ts';
import { matchWeightSql, tfPairColumns } from '../predict/match-weight-sql.ts';
import { weightOf } from '../predict/model-weights.ts';
import { duckdbDialect } from '../sql/duckdb-dialect.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { ModelWorkspace } from './model-workspace.ts';

/** Scores the records of `newTable` (a subset of the workspace's records) against all; returns the scored table. */
export async function scoreNewRecords(ws: ModelWorkspace, newTable: string): Promise<string> {
  const { spec } = ws.model;
  const records = ws.tables.records;
  const pairs = blockedPairsSql({ records, left: newTable, rules: spec.blocking_rules, keys: specKeyColumns(spec), linkType: spec.link_type, columns: preparedShape(spec).pairColumns });
  const once = `SELECT * FROM (${pairs}) AS p WHERE __rid_l <> __rid_r
  AND (__rid_l < __rid_r OR __rid_r NOT IN (SELECT __rid FROM ${quoteIdent(newTable)}))`;
  const keep = ['__rid_l', '__rid_r', ...tfPairColumns(spec)];
  const vectors = comparisonVectorSql(once, spec.comparisons, pairContext(duckdbDialect), keep);
  const gammas = spec.comparisons.map((c) => quoteIdent(gammaColumn(c))).join(', ');
  const scored = `${records}_incremental`;
  await ws.connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(scored)} AS
SELECT least(__rid_l, __rid_r) AS __rid_l, greatest(__rid_l, __rid_r) AS __rid_r, ${gammas}, match_weight, 1 / (1 + pow(2, -match_weight)) AS match_probability
FROM (SELECT *, ${matchWeightSql(ws.model, duckdbDialect)} AS match_weight FROM (${vectors}) AS v) AS w
WHERE match_weight >= $floor`, { floor: spec.thresholds.review_floor > 0 ? weightOf(spec.thresholds.review_floor) : -1e308 });
  return scored;
}
