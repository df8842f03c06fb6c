/** A batch's quarantined rows as CSV: row number, column, code, message and the raw row. */
import { stringify } from 'csv-stringify/sync';
import type { Store } from '../../store/index.ts';

/** Prefixes cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV text and the number of rows in it. */
export async function quarantineCsv(store: Store, batchId: number): Promise<{ csv: string; rows: number }> {
  const rows = await store.sql.query<Record<string, unknown>>(
    'SELECT row_number, "column", code, message, raw FROM quarantined_rows WHERE batch_id = $1 ORDER BY row_number',
    [batchId],
  );
  const records = rows.map((r) => [String(r.row_number), String(r.column ?? ''), String(r.code), String(r.message), String(r.raw)]
    .map(neutraliseFormula));
  const csv = stringify([['row_number', 'column', 'code', 'message', 'raw'], ...records]);
  return { csv, rows: rows.length };
}
