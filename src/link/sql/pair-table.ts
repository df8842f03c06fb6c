/**
 * A table of record-id pairs (two INTEGER columns) written from memory with DuckDB's appender:
 * relations, the links that join each cluster.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from './quote.ts';

/** Creates (or replaces) `table` with the two columns and appends the pairs. */
export async function writePairTable(
  connection: DuckDBConnection, table: string, columns: readonly [string, string], pairs: Iterable<readonly [number, number]>,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c)} INTEGER`).join(', ')})`);
  const appender = await connection.createAppender(table);
  for (const [a, b] of pairs) {
    appender.appendInteger(a);
    appender.appendInteger(b);
    appender.endRow();
  }
  appender.closeSync();
}
