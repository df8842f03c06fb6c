/**
 * Bulk inserts into the store that work the same on PGlite and PostgreSQL: each chunk of rows
 * travels as one array parameter per column and is expanded with `unnest` (one round trip per
 * chunk, no per-row JSON). `jsonb` columns travel as text and are cast on the server.
 */
import type { SqlClient } from '../../store/index.ts';

/** A column of the target table and its PostgreSQL type. */
export type ColumnType = readonly [name: string, type: string];

const arrayType = (type: string) => (type === 'jsonb' ? 'text' : type);
const wire = (type: string, value: unknown): unknown =>
  (value === undefined || value === null ? null : type === 'jsonb' && typeof value !== 'string' ? JSON.stringify(value) : value);

/** The statement for one chunk: `INSERT … SELECT … FROM unnest($1::t1[], $2::t2[], …)`. */
export function unnestInsertSql(table: string, columns: readonly ColumnType[], suffix = ''): string {
  const names = columns.map(([name]) => name).join(', ');
  const args = columns.map(([, type], i) => `$${i + 1}::${arrayType(type)}[]`).join(', ');
  const casts = columns.map(([name, type]) => (type === 'jsonb' ? `x.${name}::jsonb` : `x.${name}`)).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${args}) AS x(${names}) ${suffix}`.trimEnd();
}

/**
 * Inserts `count` rows, row i holding the values `row(i)` in column order.
 * `suffix` is appended to the statement (e.g. an `ON CONFLICT` clause).
 */
export async function insertRows(
  sql: SqlClient, table: string, columns: readonly ColumnType[], count: number,
  row: (index: number) => readonly unknown[], options: { suffix?: string; chunk?: number } = {},
): Promise<void> {
  const chunk = options.chunk ?? 50_000;
  const statement = unnestInsertSql(table, columns, options.suffix);
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    const arrays: unknown[][] = columns.map(() => new Array<unknown>(end - start));
    for (let i = start; i < end; i++) {
      const values = row(i);
      columns.forEach(([, type], j) => { arrays[j]![i - start] = wire(type, values[j]); });
    }
    await sql.query(statement, arrays);
  }
}
