/**
 * Search and score over a trained model: the best candidates for one typed-in record (blocked
 * with the run's prediction rules), and the explained score of any two records.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { blockedPairsSql, pairSelectList } from '../blocking/blocked-pairs-sql.ts';
import { specKeyColumns } from '../prepare/blocking-key-columns.ts';
import { preparedShape } from '../prepare/record-preparation.ts';
import { waterfall, type WaterfallStep } from '../explain/waterfall.ts';
import { pairContext } from '../levels/level-handler.ts';
import { tfColumnOf } from '../levels/levels.ts';
import { comparisonVectorSql, gammaColumn } from '../predict/comparison-vector-sql.ts';
import { matchWeightSql, tfPairColumns } from '../predict/match-weight-sql.ts';
import { duckdbDialect } from '../sql/duckdb-dialect.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { type LinkRun, prepareProbe, type ProbeRecord } from './probe-records.ts';

export interface SearchCandidate {
  readonly source: string;
  readonly recordId: string;
  readonly matchWeight: number;
  readonly matchProbability: number;
  readonly waterfall: WaterfallStep[];
}

type Row = Record<string, unknown>;

function scoredSql(model: TrainedModel, pairsSql: string): string {
  const keep = ['__rid_l', '__rid_r', ...tfPairColumns(model.spec)];
  const vectors = comparisonVectorSql(pairsSql, model.spec.comparisons, pairContext(duckdbDialect), keep);
  return `SELECT *, ${matchWeightSql(model, duckdbDialect)} AS match_weight FROM (${vectors}) AS v`;
}

function toWaterfall(model: TrainedModel, row: Row): WaterfallStep[] {
  const tfColumns = [...new Set(model.spec.comparisons.flatMap((c) => c.levels.map(tfColumnOf).filter((x): x is string => !!x)))];
  return waterfall(model, {
    gammas: Object.fromEntries(model.spec.comparisons.map((c) => [c.name, Number(row[gammaColumn(c)])])),
    tf: Object.fromEntries(tfColumns.map((c) => [c, [row[`${c}__tf_l`] as number | null, row[`${c}__tf_r`] as number | null] as const])),
  });
}

/**
 * The top candidates for one record among a run's records, best first.
 * @example
 * await searchRecord(connection, result, { given_name: 'bill', family_name: 'smith', dob: '2009-04-01' }, 5)
 */
export async function searchRecord(connection: DuckDBConnection, run: LinkRun, record: ProbeRecord, limit = 10): Promise<SearchCandidate[]> {
  const { model } = run;
  const probe = await prepareProbe(connection, run, [record]);
  const pairs = blockedPairsSql({
    records: run.tables.records, left: probe, rules: model.spec.blocking_rules, keys: specKeyColumns(model.spec),
    linkType: model.spec.link_type, columns: preparedShape(model.spec).pairColumns,
  });
  const rows = await queryRows<Row>(connection, `SELECT s.*, r.source, r.record_id FROM (${scoredSql(model, pairs)}) AS s
JOIN ${quoteIdent(run.tables.records)} AS r ON r.__rid = s.__rid_r ORDER BY s.match_weight DESC, r.__rid LIMIT $limit`, { limit });
  return rows.map((row) => {
    const weight = Number(row.match_weight);
    return { source: String(row.source), recordId: String(row.record_id), matchWeight: weight, matchProbability: 1 / (1 + 2 ** -weight), waterfall: toWaterfall(model, row) };
  });
}

/** The explained score of two records (each standardised, by engine column) under a run's model. */
export async function scorePair(connection: DuckDBConnection, run: LinkRun, left: ProbeRecord, right: ProbeRecord): Promise<{ matchWeight: number; matchProbability: number; waterfall: WaterfallStep[] }> {
  const probe = await prepareProbe(connection, run, [left, right]);
  const pairs = `SELECT ${pairSelectList(preparedShape(run.model.spec).pairColumns)} FROM ${quoteIdent(probe)} AS l JOIN ${quoteIdent(probe)} AS r ON l.record_id = 'p0' AND r.record_id = 'p1'`;
  const [row] = await queryRows<Row>(connection, scoredSql(run.model, pairs));
  const steps = toWaterfall(run.model, row!);
  const weight = steps.at(-1)!.cumulative;
  return { matchWeight: weight, matchProbability: 1 / (1 + 2 ** -weight), waterfall: steps };
}
