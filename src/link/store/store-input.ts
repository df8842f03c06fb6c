/**
 * Streams the store's `source_records` (their standardised identifier columns) into a DuckDB
 * table the engine reads: `source` is the dataset, `record_id` the source record id, one text
 * column per identifier role and `id_<name>` per extra identifier. Descriptive attributes
 * (ethnicity and the like) are never exported: they are not linkage inputs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlClient } from '../../store/index.ts';
import type { OnProgress } from '../run-context.ts';
import { extraIdColumn, ROLE_COLUMNS } from '../spec/record-columns.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';

export interface StoreInput {
  readonly table: string;
  readonly records: number;
  /** Identifier columns with at least one value that identify a person (the ones a default spec should use). */
  readonly columns: string[];
}

export interface StoreInputOptions {
  readonly table?: string;
  /** Rows per read from the store (default 20,000). */
  readonly batchRows?: number;
  /** Only these source records (incremental runs); all when absent. */
  readonly where?: { readonly sql: string; readonly params: unknown[] };
  readonly onProgress?: OnProgress | undefined;
}

type Row = Record<string, unknown>;

/**
 * An extra id whose values are each shared by more records than this on average names a group
 * (a school, a team), not a person, and is left out of the columns a default spec should use.
 */
const SHARED_ID_RECORDS = 25;

const SELECT_ROLES = ROLE_COLUMNS.map((role) => (role === 'dob' ? 'dob::text AS dob'
  : role === 'former_family_names' ? `array_to_string(ARRAY(SELECT jsonb_array_elements_text(former_family_names)), ';') AS former_family_names`
    : role));

/** The extra identifier names any source record carries, sorted. */
async function extraIdNames(sql: SqlClient): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT DISTINCT jsonb_object_keys(extra_ids) AS name FROM source_records WHERE extra_ids IS NOT NULL ORDER BY 1`);
  return rows.map((r) => r.name);
}

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** Copies the source records into `table` in batches (keyset on the id). */
export async function exportStoreRecords(sql: SqlClient, connection: DuckDBConnection, options: StoreInputOptions = {}): Promise<StoreInput> {
  const table = options.table ?? 'store_records';
  const extras = await extraIdNames(sql);
  const columns = [...ROLE_COLUMNS, ...extras.map(extraIdColumn)];
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (source VARCHAR, record_id VARCHAR${columns.map((c) => `, ${quoteIdent(c)} VARCHAR`).join('')})`);
  const appender = await connection.createAppender(table);
  const batch = options.batchRows ?? 20_000;
  const filter = options.where ? ` AND (${options.where.sql})` : '';
  const params = options.where?.params ?? [];
  let last = '0';
  let records = 0;
  for (;;) {
    const rows = await sql.query<Row>(`SELECT id::text AS sid, dataset_id, ${SELECT_ROLES.join(', ')}, extra_ids
FROM source_records WHERE id > $1::bigint${filter} ORDER BY id LIMIT ${batch}`, [last, ...params]);
    for (const row of rows) {
      appender.appendVarchar(String(row.dataset_id));
      appender.appendVarchar(String(row.sid));
      for (const role of ROLE_COLUMNS) {
        const value = text(row[role]);
        if (value === null) appender.appendNull(); else appender.appendVarchar(value);
      }
      const ids = (row.extra_ids ?? {}) as Record<string, unknown>;
      for (const name of extras) {
        const value = text(ids[name]);
        if (value === null) appender.appendNull(); else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    records += rows.length;
    options.onProgress?.({ step: `reading source records (${records})`, done: records, total: 0 });
    if (rows.length < batch) break;
    last = String(rows.at(-1)!.sid);
  }
  appender.closeSync();
  const counts = await queryRows<Record<string, number>>(connection, `SELECT ${columns.map((c, i) =>
    `count(${quoteIdent(c)})::DOUBLE AS c${i}, count(DISTINCT ${quoteIdent(c)})::DOUBLE AS d${i}`).join(', ')} FROM ${quoteIdent(table)}`);
  const present = columns.filter((c, i) => {
    const [n, distinct] = [counts[0]?.[`c${i}`] ?? 0, counts[0]?.[`d${i}`] ?? 0];
    return n > 0 && !(c.startsWith('id_') && n / distinct > SHARED_ID_RECORDS);
  });
  return { table, records, columns: present };
}
