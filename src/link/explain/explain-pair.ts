/** Explains a pair scored in a run: its comparison vector and term frequencies, as a waterfall. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { gammaColumn } from '../predict/comparison-vector-sql.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TableNames } from '../sql/table-names.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { type PairVector, waterfall, type WaterfallStep } from './waterfall.ts';

/** Reads the vector of a scored pair (by record ids `__rid`), or undefined if it was not scored. */
export async function readPairVector(connection: DuckDBConnection, tables: TableNames, model: TrainedModel, ridL: number, ridR: number): Promise<PairVector | undefined> {
  const gammas = model.spec.comparisons.map((c) => `s.${quoteIdent(gammaColumn(c))}`);
  const tfCols = [...new Set(model.spec.comparisons.flatMap((c) => c.levels.flatMap((l) =>
    ((l.kind === 'exact' || l.kind === 'jaro_winkler') && l.tf_adjustment ? [l.column] : []))))];
  const tfSelect = tfCols.flatMap((c) => [`l.${quoteIdent(`${c}__tf`)} AS ${quoteIdent(`${c}__l`)}`, `r.${quoteIdent(`${c}__tf`)} AS ${quoteIdent(`${c}__r`)}`]);
  const [row] = await queryRows<Record<string, number | null>>(connection, `SELECT ${[...gammas, ...tfSelect].join(', ')}
FROM ${quoteIdent(tables.scored)} AS s JOIN ${quoteIdent(tables.records)} AS l ON l.__rid = s.__rid_l JOIN ${quoteIdent(tables.records)} AS r ON r.__rid = s.__rid_r
WHERE s.__rid_l = $a AND s.__rid_r = $b`, { a: Math.min(ridL, ridR), b: Math.max(ridL, ridR) });
  if (!row) return undefined;
  return {
    gammas: Object.fromEntries(model.spec.comparisons.map((c) => [c.name, Number(row[gammaColumn(c)])])),
    tf: Object.fromEntries(tfCols.map((c) => [c, [row[`${c}__l`] ?? null, row[`${c}__r`] ?? null] as const])),
  };
}

/** The waterfall of a scored pair, or undefined if the pair was not scored. */
export async function explainPair(connection: DuckDBConnection, tables: TableNames, model: TrainedModel, ridL: number, ridR: number): Promise<WaterfallStep[] | undefined> {
  const vector = await readPairVector(connection, tables, model, ridL, ridR);
  return vector && waterfall(model, vector);
}
