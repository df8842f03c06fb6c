/**
 * Probe records: one or two records typed in (standardised values by engine column), prepared
 * exactly as a run's records are, with the run's term frequencies and nickname aliases.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { preparationSteps, preparedShape } from '../prepare/record-preparation.ts';
import { duckdbDialect } from '../sql/duckdb-dialect.ts';
import { runPipeline } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TableNames } from '../sql/table-names.ts';
import type { TrainedModel } from '../training/model-schema.ts';

/** A record as the engine's input holds it: standardised text by column name. */
export type ProbeRecord = Readonly<Record<string, string | null | undefined>>;

/** A linkage run to search or score against: its model and tables. */
export interface LinkRun {
  readonly model: TrainedModel;
  readonly tables: TableNames;
}

/** Creates and prepares `<records>_probe` from the given records (record ids `p0`, `p1`, …). */
export async function prepareProbe(connection: DuckDBConnection, run: LinkRun, records: readonly ProbeRecord[]): Promise<string> {
  const { spec } = run.model;
  const columns = preparedShape(spec).baseColumns;
  const input = `${run.tables.records}_probe_input`;
  const output = `${run.tables.records}_probe`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(input)} (source VARCHAR, record_id VARCHAR${columns.map((c) => `, ${quoteIdent(c)} VARCHAR`).join('')})`);
  for (const [i, record] of records.entries()) {
    const params: Record<string, string | null> = { id: `p${i}` };
    columns.forEach((c, j) => { params[`v${j}`] = record[c] ?? null; });
    await connection.run(`INSERT INTO ${quoteIdent(input)} VALUES ('probe', $id${columns.map((_, j) => `, $v${j}`).join('')})`, params);
  }
  const names: TableNames = { ...run.tables, input, records: output };
  await runPipeline(connection, preparationSteps(spec, names, duckdbDialect, run.model.seed, { computeTf: false }));
  return output;
}
