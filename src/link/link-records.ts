/**
 * The linkage engine's entry point: link the records of a table on an existing DuckDB connection
 * (prepare, train unless a model is given, predict, cluster) and leave the results in tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { clusterStep } from './cluster/cluster-step.ts';
import { writeRelations } from './cluster/relation-context.ts';
import { dayNumber } from './cluster/age-guard.ts';
import { keyOf, type RecordKey, resolveConstraints, resolveRecordKeys } from './cluster/record-keys.ts';
import { checkSpecColumns, inspectInput } from './input-table.ts';
import { loadAliases } from './prepare/nicknames.ts';
import { preparationSteps, preparedShape } from './prepare/record-preparation.ts';
import { specKeyColumns } from './prepare/blocking-key-columns.ts';
import { candidatePairsStep, predictionSteps } from './predict/prediction-steps.ts';
import type { OnProgress, RunContext } from './run-context.ts';
import { defaultSpec } from './spec/default-spec.ts';
import type { LinkageSpec, LinkType } from './spec/linkage-spec-schema.ts';
import { specHash } from './spec/spec-io.ts';
import type { Dialect } from './sql/dialect.ts';
import { duckdbDialect } from './sql/duckdb-dialect.ts';
import { queryRows, runPipeline } from './sql/pipeline.ts';
import { quoteIdent } from './sql/quote.ts';
import { type TableNames, tableNames } from './sql/table-names.ts';
import type { TrainedModel } from './training/model-schema.ts';
import { trainModel } from './training/train-model.ts';

export interface LinkRecordsOptions {
  readonly connection: DuckDBConnection;
  /** A table with `source`, `record_id` and standardised identifier columns (see record-columns.ts). */
  readonly table: string;
  /** Used to build the default spec when neither `spec` nor `model` is given (default `dedupe`). */
  readonly linkType?: LinkType;
  readonly spec?: LinkageSpec;
  /** A trained model to reuse (its spec is used; no training). */
  readonly model?: TrainedModel;
  readonly seed?: number;
  /** Match probability for clustering; defaults to the spec's `thresholds.match`. */
  readonly threshold?: number;
  /** Prefix of the tables the run creates (default `link_`). */
  readonly prefix?: string;
  readonly dialect?: Dialect;
  readonly nicknamesPath?: string;
  /** Groups of record ids (`__rid`) already known to be one person. */
  readonly existing?: ReadonlyArray<readonly number[]>;
  /** Groups of records (by source and record id) that must end in one cluster (clerical matches, existing persons). */
  readonly mustLink?: ReadonlyArray<readonly RecordKey[]>;
  /** Pairs of records that must not end in one cluster (clerical non-matches). */
  readonly cannotLink?: ReadonlyArray<readonly [RecordKey, RecordKey]>;
  /**
   * Relations the sources record, `[from, to]`: `from` is a parent, carer or household member of
   * `to`. The two are never one cluster, and two records related to the same person whose names
   * agree link with `clustering.relation_weight` extra bits (see cluster/relation-context.ts).
   */
  readonly relations?: ReadonlyArray<readonly [RecordKey, RecordKey]>;
  /**
   * Records of a person born before an ISO date (a parent or carer named on the record of someone
   * born 14 years after it): never clustered with records whose dates of birth are all on or after it.
   */
  readonly bornBefore?: ReadonlyArray<readonly [RecordKey, string]>;
  readonly onProgress?: OnProgress;
}

export interface LinkResult {
  readonly model: TrainedModel;
  readonly specHash: string;
  readonly threshold: number;
  readonly warnings: string[];
  readonly tables: TableNames;
  readonly counts: {
    readonly records: number;
    readonly sources: Array<{ source: string; records: number }>;
    readonly candidatePairs: number;
    readonly scoredPairs: number;
    readonly clusters: number;
    readonly refusedLinks: number;
    readonly cutLinks: number;
  };
  /** Seconds spent in each stage. */
  readonly timings: Record<string, number>;
}

async function count(connection: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(connection, `SELECT count(*)::DOUBLE AS n FROM (${sql})`);
  return row?.n ?? 0;
}

/** The age guard's bounds by `__rid` (day numbers); keys not found and unparseable dates are left out. */
async function resolveBornBefore(connection: DuckDBConnection, records: string, bounds: ReadonlyArray<readonly [RecordKey, string]>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!bounds.length) return out;
  const rids = await resolveRecordKeys(connection, records, bounds.map(([key]) => key));
  for (const [key, date] of bounds) {
    const [rid, day] = [rids.get(keyOf(key)), dayNumber(date)];
    if (rid !== undefined && day !== undefined) out.set(rid, Math.min(day, out.get(rid) ?? day));
  }
  return out;
}

/**
 * Links the records of `options.table`.
 * @example
 * const result = await linkRecords({ connection, table: 'people', linkType: 'dedupe', seed: 1 });
 * // pairs in result.tables.scored, clusters via readClusters(connection, result.tables)
 */
export async function linkRecords(options: LinkRecordsOptions): Promise<LinkResult> {
  const { connection } = options;
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => { const now = performance.now(); timings[name] = (now - clock) / 1000; clock = now; };
  const summary = await inspectInput(connection, options.table);
  const spec = options.model?.spec ?? options.spec ?? defaultSpec(options.linkType ?? 'dedupe', summary.columns);
  checkSpecColumns(spec, summary, options.table);
  const names = tableNames(options.table, options.prefix);
  const shape = preparedShape(spec);
  const ctx: RunContext = {
    connection, dialect: options.dialect ?? duckdbDialect, names, spec, shape, keys: specKeyColumns(spec),
    seed: options.seed ?? 1, onProgress: options.onProgress,
  };
  const warnings = summary.ignored.length ? [`columns ignored (not identifier columns): ${summary.ignored.join(', ')}`] : [];
  if (shape.aliasColumns.length) warnings.push(...await loadAliases(connection, names, options.nicknamesPath));
  options.onProgress?.({ step: 'preparing records', done: 0, total: 1 });
  await runPipeline(connection, preparationSteps(spec, names, ctx.dialect, ctx.seed));
  lap('prepare');
  const sizes = summary.sources.map((s) => s.records);
  const model = options.model ?? await trainModel(ctx, sizes);
  warnings.push(...model.warnings);
  lap('train');
  await runPipeline(connection, [candidatePairsStep(ctx)]);
  const candidatePairs = await count(connection, `SELECT 1 FROM ${quoteIdent(names.candidates)}`);
  lap('block');
  options.onProgress?.({ step: `scoring ${candidatePairs} candidate pairs`, done: 0, total: 1 });
  const related = options.relations?.length ? (await resolveConstraints(connection, names.records, [], options.relations)).cannotLink : [];
  const relations = related.length ? await writeRelations(ctx, related) : undefined;
  await runPipeline(connection, predictionSteps(ctx, model, names.candidates, relations));
  await connection.run(`DROP TABLE ${quoteIdent(names.candidates)}`);
  lap('predict');
  const threshold = options.threshold ?? spec.thresholds.match;
  options.onProgress?.({ step: 'clustering', done: 0, total: 1 });
  const records = sizes.reduce((s, n) => s + n, 0);
  const constraints = await resolveConstraints(connection, names.records, options.mustLink ?? [], options.cannotLink ?? []);
  const existing = [...(options.existing ?? []), ...constraints.existing];
  const bornBefore = await resolveBornBefore(connection, names.records, options.bornBefore ?? []);
  const assignment = await clusterStep(ctx, { model, threshold, recordCount: records, existing, cannotLink: constraints.cannotLink, related, ...(relations ? { relations } : {}), bornBefore });
  lap('cluster');
  const clusters = new Set(assignment.cluster.subarray(1)).size;
  const scoredPairs = await count(connection, `SELECT 1 FROM ${quoteIdent(names.scored)}`);
  return {
    model, specHash: specHash(spec), threshold, warnings, tables: names,
    counts: {
      records, sources: summary.sources, candidatePairs, scoredPairs, clusters,
      refusedLinks: assignment.refused.length, cutLinks: assignment.cut.length,
    },
    timings,
  };
}
