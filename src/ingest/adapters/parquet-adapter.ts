/**
 * Parquet through an in-process DuckDB (`read_parquet`), streamed chunk by chunk (DuckDB reads row
 * group by row group, so memory stays bounded). Values arrive as JSON (dates as `YYYY-MM-DD`,
 * structs and lists flattened by the shared rule); the schema names the columns.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { assertReadableFile } from '../core/file-checks.ts';
import { IngestFileError } from '../core/file-error.ts';
import { flatten } from '../core/flatten.ts';

export const parquetAdapter: Adapter = async function* parquetRows({ path, onColumns, onProgress }) {
  const size = await assertReadableFile(path);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '256MB' });
  const connection = await instance.connect();
  try {
    const total = await rowCount(connection, path);
    const result = await connection.stream('SELECT * FROM read_parquet($1)', [path]).catch((error: unknown) => {
      throw malformed(path, error);
    });
    onColumns?.(result.columnNames());
    let rowNumber = 0;
    try {
      for await (const rows of result.yieldRowObjectJson()) {
        for (const row of rows) {
          rowNumber += 1;
          const { fields, groups } = flatten(row);
          yield { ok: true, rowNumber, fields, groups, raw: clipRaw(JSON.stringify(row)) };
        }
        onProgress?.(total ? Math.round((size * rowNumber) / total) : size);
      }
    } catch (error) {
      throw error instanceof IngestFileError ? error : malformed(path, error, rowNumber + 1);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

async function rowCount(connection: DuckDBConnection, path: string): Promise<number> {
  try {
    const reader = await connection.runAndReadAll('SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata($1)', [path]);
    return Number(reader.getRowObjectsJson()[0]?.n ?? 0);
  } catch (error) {
    throw malformed(path, error);
  }
}

function malformed(path: string, error: unknown, row?: number): IngestFileError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new IngestFileError('INGEST_MALFORMED', path,
    `not readable as Parquet (${reason}); check that the file is the Parquet export the mapping describes, and complete`,
    row === undefined ? {} : { row });
}
