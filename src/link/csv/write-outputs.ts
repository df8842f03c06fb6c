/**
 * The CLI's outputs: DIR/clusters.csv (every record once), DIR/pairs.csv (scored pairs above the
 * review floor), DIR/review.csv (decisions that would change a cluster: see cluster/review-pairs-sql.ts), DIR/model.json and
 * DIR/charts/*.vl.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { matchWeightsChart, mUChart, waterfallChart } from '../explain/charts.ts';
import { explainPair } from '../explain/explain-pair.ts';
import type { LinkResult } from '../link-records.ts';
import { reviewPairsSql, reviewParams } from '../cluster/review-pairs-sql.ts';
import { weightOf } from '../predict/model-weights.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';

const ROUND = (c: string) => `round(${c}, 6)`;

function pairsSelect(result: LinkResult, from: string, where = 'TRUE'): string {
  const { records } = result.tables;
  return `SELECT l.source AS source_l, l.record_id AS record_id_l, r.source AS source_r, r.record_id AS record_id_r,
  ${ROUND('s.match_weight')} AS match_weight, ${ROUND('1 / (1 + pow(2, -s.match_weight))')} AS match_probability
FROM ${from} AS s JOIN ${quoteIdent(records)} AS l ON l.__rid = s.__rid_l JOIN ${quoteIdent(records)} AS r ON r.__rid = s.__rid_r
WHERE ${where}`;
}

/** Writes every output file into `dir`; returns the paths written. */
export async function writeOutputs(connection: DuckDBConnection, result: LinkResult, dir: string): Promise<string[]> {
  await mkdir(join(dir, 'charts'), { recursive: true });
  const { records, scored, clusters } = result.tables;
  const paths = { clusters: join(dir, 'clusters.csv'), pairs: join(dir, 'pairs.csv'), review: join(dir, 'review.csv') };
  await connection.run(`COPY (SELECT r.source, r.record_id, coalesce(c.cluster_id, r.__rid) AS cluster_id
FROM ${quoteIdent(records)} AS r LEFT JOIN ${quoteIdent(clusters)} AS c USING (__rid) ORDER BY r.__rid) TO $path (HEADER, DELIMITER ',')`, { path: paths.clusters });
  await connection.run(`COPY (${pairsSelect(result, quoteIdent(scored))} ORDER BY s.__rid_l, s.__rid_r) TO $path (HEADER, DELIMITER ',')`, { path: paths.pairs });
  await connection.run(`COPY (SELECT source_l, record_id_l, source_r, record_id_r, match_weight, match_probability, reason, cluster_l = cluster_r AS same_cluster FROM (
  ${pairsSelect(result, `(${reviewPairsSql(result)})`).replace('SELECT l.source', 'SELECT s.reason, s.cluster_l, s.cluster_r, l.source')}
) ORDER BY match_probability DESC, source_l, record_id_l, source_r, record_id_r) TO $path (HEADER, DELIMITER ',')`,
  { path: paths.review, ...reviewParams(result) });
  const modelPath = join(dir, 'model.json');
  await writeFile(modelPath, `${JSON.stringify(result.model, null, 2)}\n`);
  const charts = [join(dir, 'charts', 'm-u-parameters.vl.json'), join(dir, 'charts', 'match-weights.vl.json')];
  await writeFile(charts[0]!, JSON.stringify(mUChart(result.model), null, 2));
  await writeFile(charts[1]!, JSON.stringify(matchWeightsChart(result.model), null, 2));
  const [weakest] = await queryRows<{ l: number; r: number }>(connection,
    `SELECT __rid_l AS l, __rid_r AS r FROM ${quoteIdent(scored)} WHERE match_weight >= $w ORDER BY match_weight, __rid_l, __rid_r LIMIT 1`,
    { w: weightOf(result.threshold) });
  if (weakest) {
    const steps = await explainPair(connection, result.tables, result.model, weakest.l, weakest.r);
    if (steps) {
      charts.push(join(dir, 'charts', 'waterfall-weakest-link.vl.json'));
      await writeFile(charts.at(-1)!, JSON.stringify(waterfallChart(steps), null, 2));
    }
  }
  return [paths.clusters, paths.pairs, paths.review, modelPath, ...charts];
}
