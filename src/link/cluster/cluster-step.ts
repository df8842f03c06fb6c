/**
 * The clustering step on the engine: reads the links at or above the match threshold (strongest
 * first) that carry more than name evidence, and the strong identifiers of their records, clusters
 * in TS, and writes the cluster of every record in a cluster (`clusters`), the links refused
 * or cut (`clusters_review`) and the links that join each cluster (`clusters_tree`) back. With relations (a contact recorded as the parent of a subject),
 * a second pass adds `relation_weight` to pairs related to the same first-pass person whose names
 * agree, keeps apart pairs related to the same person whose given names disagree
 * (`relative_names`) and pairs named on the very same record, and never joins a record to one it
 * is related to.
 */
import { weightOf } from '../predict/model-weights.ts';
import type { RunContext } from '../run-context.ts';
import { writePairTable } from '../sql/pair-table.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { type Assignment, assignClusters } from './assign-clusters.ts';
import type { Edges } from './cluster-edges.ts';
import { evidencePredicate, idAgreementPredicate } from './link-evidence-sql.ts';
import { coListedSql, distinctRelativesSql, relatedPairsSql, writeRelations } from './relation-context.ts';
import { type IdValues, strongIdRules } from './strong-id-guard.ts';

export interface ClusterStepOptions {
  readonly model: TrainedModel;
  readonly threshold: number;
  readonly recordCount: number;
  /** Groups of record ids known to be one person already (incremental runs). */
  readonly existing?: ReadonlyArray<readonly number[]>;
  /** Pairs of record ids that must not share a cluster. */
  readonly cannotLink?: ReadonlyArray<readonly [number, number]>;
  /** Pairs `[from, to]` of record ids: `from` is recorded as related to (so not the same person as) `to`. */
  readonly related?: ReadonlyArray<readonly [number, number]>;
  /** The same pairs as a table already written (`writeRelations`); written here when absent. */
  readonly relations?: string;
  /** Records of a person born before a day (day number since 1970): the age guard's bounds. */
  readonly bornBefore?: ReadonlyMap<number, number>;
}

/** Dates of birth (day numbers) of the scored records, when the records have a `dob` column. */
async function readDobs(ctx: RunContext): Promise<Map<number, number>> {
  const dobs = new Map<number, number>();
  if (!ctx.spec.comparisons.some((c) => c.name === 'dob')) return dobs;
  const scored = quoteIdent(ctx.names.scored);
  const reader = await ctx.connection.runAndReadAll(`SELECT __rid, (try_cast(dob AS DATE) - DATE '1970-01-01')::INTEGER FROM ${quoteIdent(ctx.names.records)}
WHERE dob IS NOT NULL AND __rid IN (SELECT __rid_l FROM ${scored} UNION SELECT __rid_r FROM ${scored})`);
  for (const [rid, day] of reader.getRowsJS()) if (day !== null) dobs.set(Number(rid), Number(day));
  return dobs;
}

/** The links: pairs at or above the threshold with evidence beyond names; with `boosted`, related pairs gain `bonus` bits. */
async function readEdges(ctx: RunContext, model: TrainedModel, threshold: number, boosted?: { table: string; bonus: number }): Promise<Edges> {
  const scored = quoteIdent(ctx.names.scored);
  const ids = idAgreementPredicate(model, 's.');
  const sql = boosted
    ? `SELECT __rid_l, __rid_r, w, ids FROM (SELECT s.__rid_l, s.__rid_r, s.match_weight + CASE WHEN b.__rid_l IS NULL THEN 0 ELSE $bonus END AS w, ${ids} AS ids
  FROM ${scored} AS s LEFT JOIN ${quoteIdent(boosted.table)} AS b USING (__rid_l, __rid_r)
  WHERE b.__rid_l IS NOT NULL OR ${evidencePredicate(model, 's.')}) WHERE w >= $w ORDER BY w DESC, __rid_l, __rid_r`
    : `SELECT __rid_l, __rid_r, match_weight, ${ids} AS ids FROM ${scored} AS s WHERE match_weight >= $w AND ${evidencePredicate(model, 's.')}
ORDER BY match_weight DESC, __rid_l, __rid_r`;
  const reader = await ctx.connection.runAndReadAll(sql, boosted ? { w: weightOf(threshold), bonus: boosted.bonus } : { w: weightOf(threshold) });
  const [l, r, w, agrees] = reader.getColumnsJS() as [number[], number[], number[], boolean[]];
  return { left: Int32Array.from(l), right: Int32Array.from(r), weight: Float64Array.from(w), idAgrees: Uint8Array.from(agrees, (a) => (a ? 1 : 0)) };
}

async function readPairs(ctx: RunContext, sql: string): Promise<Array<[number, number]>> {
  const reader = await ctx.connection.runAndReadAll(sql);
  return reader.getRowsJS().map(([l, r]) => [Number(l), Number(r)]);
}

/** The spec's strong identifier columns as text (dates as YYYY-MM-DD), for a SELECT list. */
export function strongIdColumnsSql(spec: Pick<LinkageSpec, 'clustering'>): string[] {
  return spec.clustering.strong_ids.map((s) => `CAST(${quoteIdent(s.column)} AS VARCHAR)`);
}

/** The identifier values of one record from its strong-id columns (as `strongIdColumnsSql` selects them); undefined when it has none. */
export function idValuesOf(values: readonly unknown[]): IdValues | undefined {
  const ids = values.map((v) => (v === null ? undefined : [String(v)]));
  return ids.some((v) => v) ? ids : undefined;
}

async function readStrongIds(ctx: RunContext): Promise<Map<number, IdValues>> {
  const columns = strongIdColumnsSql(ctx.spec);
  const ids = new Map<number, IdValues>();
  if (!columns.length) return ids;
  const scored = quoteIdent(ctx.names.scored);
  const reader = await ctx.connection.runAndReadAll(`SELECT __rid, ${columns.join(', ')} FROM ${quoteIdent(ctx.names.records)}
WHERE __rid IN (SELECT __rid_l FROM ${scored} UNION SELECT __rid_r FROM ${scored})`);
  for (const row of reader.getRowsJS()) {
    const values = idValuesOf(row.slice(1));
    if (values) ids.set(Number(row[0]), values);
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
  for (const link of [...assignment.refused, ...assignment.cut, ...assignment.uncertain]) {
    links.appendInteger(Math.min(link.left, link.right));
    links.appendInteger(Math.max(link.left, link.right));
    links.appendDouble(link.weight);
    links.appendVarchar(link.reason);
    links.endRow();
  }
  links.closeSync();
  await writePairTable(connection, `${names.clusters}_tree`, ['__rid_l', '__rid_r'],
    assignment.tree.map(([left, right]) => [Math.min(left, right), Math.max(left, right)] as const));
}

/** Clusters the scored pairs of the run. */
export async function clusterStep(ctx: RunContext, options: ClusterStepOptions): Promise<Assignment> {
  const { model } = options;
  const strongIds = await readStrongIds(ctx);
  const ages = options.bornBefore?.size ? { dobs: await readDobs(ctx), bornBefore: options.bornBefore } : {};
  const cluster = (edges: Edges, distinctRelatives?: Array<[number, number]>) => assignClusters({
    ...ages,
    recordCount: options.recordCount, edges, strongIds,
    strongIdRules: strongIdRules(ctx.spec),
    ...(options.existing ? { existing: options.existing } : {}),
    ...(options.cannotLink ? { cannotLink: options.cannotLink } : {}),
    ...(options.related?.length ? { related: options.related } : {}),
    ...(distinctRelatives?.length ? { distinctRelatives } : {}),
  }, { gap: ctx.spec.clustering.split_gap, uncertainWeight: weightOf(ctx.spec.thresholds.review_ceiling) });
  const firstEdges = await readEdges(ctx, model, options.threshold);
  let assignment = cluster(firstEdges);
  await writeAssignment(ctx, assignment);
  const { relation_weight: bonus, relative_names: relativeNames } = model.spec.clustering;
  if (options.related?.length && (bonus > 0 || relativeNames.length)) {
    const relations = options.relations ?? await writeRelations(ctx, options.related);
    const distinct = [...await readPairs(ctx, distinctRelativesSql(ctx, model, relations)), ...await readPairs(ctx, coListedSql(relations))];
    let edges = firstEdges;
    if (bonus > 0) {
      const boosted = `${ctx.names.clusters}_related_pairs`;
      await ctx.connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(boosted)} AS ${relatedPairsSql(ctx, model, relations)}`);
      edges = await readEdges(ctx, model, options.threshold, { table: boosted, bonus });
    }
    assignment = cluster(edges, distinct);
    await writeAssignment(ctx, assignment);
  }
  return assignment;
}
