/** The next id of a bigserial table, taken before the row is written so that the audit entry can name it. */
import type { SqlClient } from '../../store/index.ts';

export async function nextId(sql: SqlClient, table: 'disputes' | 'objections'): Promise<number> {
  const [row] = await sql.query<{ id: string | number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id`, [table],
  );
  return Number(row?.id);
}
