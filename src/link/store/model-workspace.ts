/**
 * A DuckDB workspace over the store for work that reuses the last run's trained model instead of
 * training (incremental runs, person search): every source record exported and prepared exactly
 * as a run prepares them (term frequencies, aliases, blocking keys).
 */
import { availableParallelism } from 'node:os';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Store } from '../../store/index.ts';
import { LinkError } from '../link-error.ts';
import { loadAliases } from '../prepare/nicknames.ts';
import { preparationSteps, preparedShape } from '../prepare/record-preparation.ts';
import type { OnProgress } from '../run-context.ts';
import { duckdbDialect } from '../sql/duckdb-dialect.ts';
import { runPipeline } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import { type TableNames, tableNames } from '../sql/table-names.ts';
import { TrainedModelSchema, type TrainedModel } from '../training/model-schema.ts';
import { exportStoreRecords } from './store-input.ts';

export interface ModelWorkspace {
  readonly connection: DuckDBConnection;
  readonly model: TrainedModel;
  readonly threshold: number;
  readonly runId: number;
  readonly tables: TableNames;
  close(): void;
}

/** The last run that trained or reused a model, or a LINK_NO_RUN error. */
export async function lastModel(store: Store): Promise<{ runId: number; model: TrainedModel; threshold: number }> {
  const [row] = await store.sql.query<{ id: string; model: unknown; threshold: number }>(
    'SELECT id::text AS id, model, threshold FROM link_runs WHERE model IS NOT NULL ORDER BY id DESC LIMIT 1');
  if (!row) throw new LinkError('LINK_NO_RUN', 'the store has no linkage run yet: run `tributary link run` first');
  const model = typeof row.model === 'string' ? JSON.parse(row.model) : row.model;
  return { runId: Number(row.id), model: TrainedModelSchema.parse(model), threshold: Number(row.threshold) };
}

/** Opens a workspace: exports and prepares every source record under the last run's model. */
export async function openModelWorkspace(store: Store, onProgress?: OnProgress): Promise<ModelWorkspace> {
  const { runId, model, threshold } = await lastModel(store);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
  const connection = await instance.connect();
  const close = () => { connection.closeSync(); instance.closeSync(); };
  try {
    const input = await exportStoreRecords(store.sql, connection, { onProgress });
    const tables = tableNames(input.table);
    for (const column of preparedShape(model.spec).baseColumns) {
      await connection.run(`ALTER TABLE ${quoteIdent(input.table)} ADD COLUMN IF NOT EXISTS ${quoteIdent(column)} VARCHAR`);
    }
    if (preparedShape(model.spec).aliasColumns.length) await loadAliases(connection, tables);
    await runPipeline(connection, preparationSteps(model.spec, tables, duckdbDialect, model.seed));
    return { connection, model, threshold, runId, tables, close };
  } catch (error) {
    close();
    throw error;
  }
}
