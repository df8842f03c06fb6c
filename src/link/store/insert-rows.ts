/**
 * Bulk inserts into the store that work the same on PGlite and PostgreSQL: rows travel as one
 * JSON array per chunk and are expanded with `jsonb_to_recordset` (one round trip per chunk).
 */
import type { SqlClient } from '../../store/index.ts';

/** A column of the target table and its PostgreSQL type. */
export type ColumnType = readonly [name: string, type: string];

/**
 * Inserts `count` rows, row i holding the values `row(i)` in column order.
 * `suffix` is appended to the statement (e.g. an `ON CONFLICT` clause).
 */
export async function insertRows(
  sql: SqlClient, table: string, columns: readonly ColumnType[], count: number,
  row: (index: number) => readonly unknown[], options: { suffix?: string; chunk?: number } = {},
): Promise<void> {
  const chunk = options.chunk ?? 10_000;
  const names = columns.map(([name]) => name).join(', ');
  const recordset = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const statement = `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${recordset}) ${options.suffix ?? ''}`;
  for (let start = 0; start < count; start += chunk) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const values = row(i);
      const object: Record<string, unknown> = {};
      columns.forEach(([name], j) => { object[name] = values[j]; });
      rows.push(object);
    }
    await sql.query(statement, [JSON.stringify(rows)]);
  }
}
