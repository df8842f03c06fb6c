/**
 * The clustering step on the engine: reads the links at or above the match threshold (strongest
 * first) and the strong identifiers of their records, clusters in TS, and writes the cluster of
 * every record in a cluster (`clusters`) and the links refused or cut (`review_links`) back.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { weightOf } from '../predict/model-weights.ts';
import type { RunContext } from '../run-context.ts';
import { quoteIdent } from '../sql/quote.ts';
import { type Assignment, assignClusters } from './assign-clusters.ts';
import type { Edges } from './cluster-edges.ts';
import type { IdValues } from './strong-id-guard.ts';

export interface ClusterStepOptions {
  readonly threshold: number;
  readonly recordCount: number;
  /** Groups of record ids known to be one person already (incremental runs). */
  readonly existing?: ReadonlyArray<readonly number[]>;
  /** Pairs of record ids that must not share a cluster. */
  readonly cannotLink?: ReadonlyArray<readonly [number, number]>;
}

async function readEdges(connection: DuckDBConnection, scored: string, threshold: number): Promise<Edges> {
  const reader = await connection.runAndReadAll(
    `SELECT __rid_l, __rid_r, match_weight FROM ${quoteIdent(scored)} WHERE match_weight >= $w ORDER BY match_weight DESC, __rid_l, __rid_r`,
    { w: weightOf(threshold) });
  const [l, r, w] = reader.getColumnsJS() as [number[], number[], number[]];
  return { left: Int32Array.from(l), right: Int32Array.from(r), weight: Float64Array.from(w) };
}

async function readStrongIds(ctx: RunContext, threshold: number): Promise<Map<number, IdValues>> {
  const columns = ctx.spec.clustering.strong_ids.map((s) => s.column);
  const ids = new Map<number, IdValues>();
  if (!columns.length) return ids;
  const scored = quoteIdent(ctx.names.scored);
  const reader = await ctx.connection.runAndReadAll(`SELECT __rid, ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(ctx.names.records)}
WHERE __rid IN (SELECT __rid_l FROM ${scored} WHERE match_weight >= $w UNION SELECT __rid_r FROM ${scored} WHERE match_weight >= $w)`,
  { w: weightOf(threshold) });
  for (const row of reader.getRowsJS()) {
    const values = row.slice(1).map((v) => (v === null ? undefined : [String(v)]));
    if (values.some((v) => v)) ids.set(Number(row[0]), values);
  }
  return ids;
}

async function writeAssignment(ctx: RunContext, assignment: Assignment): Promise<void> {
  const { connection, names } = ctx;
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(names.clusters)} (__rid INTEGER, cluster_id INTEGER)`);
  const appender = await connection.createAppender(names.clusters);
  assignment.cluster.forEach((cluster, rid) => {
    if (rid === 0 || cluster === rid) return;
    appender.appendInteger(rid);
    appender.appendInteger(cluster);
    appender.endRow();
  });
  appender.closeSync();
  const review = `${names.clusters}_review`;
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(review)} (__rid_l INTEGER, __rid_r INTEGER, match_weight DOUBLE, reason VARCHAR)`);
  const links = await connection.createAppender(review);
  for (const link of [...assignment.refused, ...assignment.cut]) {
    links.appendInteger(Math.min(link.left, link.right));
    links.appendInteger(Math.max(link.left, link.right));
    links.appendDouble(link.weight);
    links.appendVarchar(link.reason);
    links.endRow();
  }
  links.closeSync();
}

/** Clusters the scored pairs of the run. */
export async function clusterStep(ctx: RunContext, options: ClusterStepOptions): Promise<Assignment> {
  const edges = await readEdges(ctx.connection, ctx.names.scored, options.threshold);
  const strongIds = await readStrongIds(ctx, options.threshold);
  const assignment = assignClusters({
    recordCount: options.recordCount, edges, strongIds,
    strongIdRules: ctx.spec.clustering.strong_ids.map((s) => ({ column: s.column, maxEdits: s.max_edits })),
    ...(options.existing ? { existing: options.existing } : {}),
    ...(options.cannotLink ? { cannotLink: options.cannotLink } : {}),
  }, { gap: ctx.spec.clustering.split_gap, uncertainWeight: weightOf(ctx.spec.thresholds.review_ceiling) });
  await writeAssignment(ctx, assignment);
  return assignment;
}
