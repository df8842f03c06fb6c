/** What every step of one linkage run shares: the connection, engine dialect, tables and spec. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { KeyColumns } from './blocking/blocking-keys.ts';
import type { PreparedShape } from './prepare/record-preparation.ts';
import type { LinkageSpec } from './spec/linkage-spec-schema.ts';
import type { Dialect } from './sql/dialect.ts';
import type { TableNames } from './sql/table-names.ts';

/** A progress report: a named step, and how far through it the run is. */
export interface ProgressEvent {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}
export type OnProgress = (event: ProgressEvent) => void;

export interface RunContext {
  readonly connection: DuckDBConnection;
  readonly dialect: Dialect;
  readonly names: TableNames;
  readonly spec: LinkageSpec;
  readonly shape: PreparedShape;
  readonly keys: KeyColumns;
  readonly seed: number;
  readonly onProgress?: OnProgress | undefined;
}
