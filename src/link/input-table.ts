/**
 * Checks the engine's input table before a run: `source` and `record_id` present, record ids
 * unique within a source, and every column the spec reads present.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { LinkError } from './link-error.ts';
import { preparedShape } from './prepare/record-preparation.ts';
import type { LinkageSpec } from './spec/linkage-spec-schema.ts';
import { isKnownColumn } from './spec/record-columns.ts';
import { queryRows } from './sql/pipeline.ts';
import { quoteIdent } from './sql/quote.ts';

export interface InputSummary {
  /** Identifier columns of the table the engine understands. */
  readonly columns: string[];
  /** Other columns, ignored. */
  readonly ignored: string[];
  /** Records per source, by source name. */
  readonly sources: Array<{ source: string; records: number }>;
}

/** Describes the input table, failing on a missing key column or a duplicate record id. */
export async function inspectInput(connection: DuckDBConnection, table: string): Promise<InputSummary> {
  const described = await queryRows<{ column_name: string }>(connection, `SELECT column_name FROM (DESCRIBE ${quoteIdent(table)})`)
    .catch((error: Error) => { throw new LinkError('LINK_INPUT_TABLE', `cannot read the input table ${table}: ${error.message}`); });
  const all = described.map((d) => d.column_name);
  for (const required of ['source', 'record_id']) {
    if (!all.includes(required)) throw new LinkError('LINK_INPUT_TABLE', `the input table ${table} has no ${required} column`, { column: required });
  }
  const rest = all.filter((c) => c !== 'source' && c !== 'record_id');
  const [duplicate] = await queryRows<{ source: string; record_id: string; n: number }>(connection,
    `SELECT source, record_id, count(*)::INTEGER AS n FROM ${quoteIdent(table)} GROUP BY ALL HAVING count(*) > 1 ORDER BY source, record_id LIMIT 1`);
  if (duplicate) {
    throw new LinkError('LINK_INPUT_DUPLICATE_ID',
      `record id ${duplicate.record_id} appears ${duplicate.n} times in source ${duplicate.source}; record ids must be unique within a source`,
      { file: duplicate.source, column: 'record_id' });
  }
  const sources = await queryRows<{ source: string; records: number }>(connection,
    `SELECT source, count(*)::INTEGER AS records FROM ${quoteIdent(table)} GROUP BY source ORDER BY source`);
  return { columns: rest.filter(isKnownColumn), ignored: rest.filter((c) => !isKnownColumn(c)), sources };
}

/** Fails when the spec reads a column the table does not have. */
export function checkSpecColumns(spec: LinkageSpec, summary: InputSummary, table: string): void {
  const missing = preparedShape(spec).baseColumns.filter((c) => !summary.columns.includes(c));
  if (missing.length) {
    throw new LinkError('LINK_INPUT_TABLE',
      `the linkage spec reads ${missing.join(', ')}, which the input table ${table} does not have; add the columns or change the spec`,
      { column: missing[0]! });
  }
}
