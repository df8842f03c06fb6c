/**
 * Reads the CLI's CSV files into the engine: every column as text (leading zeros kept), checked
 * against the map (missing columns, empty files, missing or duplicate record ids: each an error
 * naming the file, column and row), then standardised in SQL into one input table.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LinkError } from '../link-error.ts';
import { dateUnreadableSql } from '../prepare/date-sql.ts';
import { queryRows } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import { type LinkMap, mappedColumns } from './link-map-schema.ts';
import { formatOf, roleSelectList } from './role-sql.ts';

export interface LoadedInput {
  readonly table: string;
  readonly sources: Array<{ source: string; file: string; records: number }>;
  readonly warnings: string[];
}

/** A file's source name: its base name without extension. */
export const sourceName = (file: string): string => basename(file, extname(file));

async function readRaw(connection: DuckDBConnection, file: string, raw: string): Promise<string[]> {
  const size = await stat(file).then((s) => s.size, () => {
    throw new LinkError('LINK_INPUT_FILE', `cannot read ${file}: no such file`, { file });
  });
  if (size === 0) throw new LinkError('LINK_INPUT_EMPTY', `${file} is empty: expected a header line and at least one row`, { file });
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(raw)} AS SELECT * FROM read_csv($path, all_varchar = true, header = true)`, { path: file })
    .catch((error: Error) => { throw new LinkError('LINK_INPUT_FILE', `cannot read ${file} as CSV: ${error.message}`, { file }); });
  const described = await queryRows<{ column_name: string }>(connection, `SELECT column_name FROM (DESCRIBE ${quoteIdent(raw)})`);
  return described.map((d) => d.column_name);
}

async function checkRows(connection: DuckDBConnection, file: string, raw: string, map: LinkMap): Promise<number> {
  const id = quoteIdent(map.id);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(raw)}`);
  if (n === 0) throw new LinkError('LINK_INPUT_EMPTY', `${file} has a header but no rows`, { file });
  const [blank] = await queryRows<{ row: number }>(connection,
    `SELECT (rowid + 1)::INTEGER AS row FROM ${quoteIdent(raw)} WHERE nullif(trim(${id}), '') IS NULL ORDER BY rowid LIMIT 1`);
  if (blank) {
    throw new LinkError('LINK_INPUT_MISSING_ID', `${file}, row ${blank.row} (line ${blank.row + 1}): the record id column "${map.id}" is empty; every row needs an id`,
      { file, column: map.id, row: blank.row });
  }
  const [dup] = await queryRows<{ id: string; rows: number[] }>(connection,
    `SELECT trim(${id}) AS id, list((rowid + 1)::INTEGER ORDER BY rowid) AS rows FROM ${quoteIdent(raw)} GROUP BY 1 HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1`);
  if (dup) {
    throw new LinkError('LINK_INPUT_DUPLICATE_ID',
      `${file}, column "${map.id}": record id "${dup.id}" appears more than once (rows ${dup.rows.join(', ')}); record ids must be unique within a file`,
      { file, column: map.id, row: dup.rows[1]! });
  }
  return n;
}

async function dateWarnings(connection: DuckDBConnection, file: string, raw: string, map: LinkMap): Promise<string[]> {
  const dob = map.columns.dob;
  if (!dob) return [];
  const column = typeof dob === 'string' ? dob : Array.isArray(dob) ? dob[0]! : dob.column;
  const format = formatOf(dob);
  const [row] = await queryRows<{ n: number; first: number | null }>(connection,
    `SELECT count(*)::INTEGER AS n, min(rowid + 1)::INTEGER AS first FROM ${quoteIdent(raw)} WHERE ${dateUnreadableSql(quoteIdent(column), format)}`);
  return row && row.n > 0 ? [`${file}: ${row.n} value(s) of "${column}" are not dates in ${format} (first at row ${row.first}); treated as missing`] : [];
}

/** Loads the files into `table` (source, record_id and one column per mapped role). */
export async function loadCsvFiles(connection: DuckDBConnection, files: readonly string[], map: LinkMap, table = 'link_input'): Promise<LoadedInput> {
  const names = files.map(sourceName);
  const clash = names.find((n, i) => names.indexOf(n) !== i);
  if (clash) throw new LinkError('LINK_INPUT_FILE', `two input files are both named "${clash}"; each file's base name is its source and must be unique`, { file: clash });
  const selects: string[] = [];
  const params: Record<string, string> = {};
  const sources: LoadedInput['sources'] = [];
  const warnings: string[] = [];
  const roles = roleSelectList(map);
  for (const [i, file] of files.entries()) {
    const raw = `link_raw_${i}`;
    const columns = await readRaw(connection, file, raw);
    const missing = mappedColumns(map).filter((m) => !columns.includes(m.column));
    if (missing.length) {
      throw new LinkError('LINK_INPUT_MISSING_COLUMN',
        `${file} has no column ${missing.map((m) => `"${m.column}" (mapped to ${m.role})`).join(', ')}; its columns are: ${columns.join(', ')}`,
        { file, column: missing[0]!.column });
    }
    const records = await checkRows(connection, file, raw, map);
    warnings.push(...await dateWarnings(connection, file, raw, map));
    params[`source_${i}`] = names[i]!;
    selects.push(`SELECT $source_${i} AS source, trim(${quoteIdent(map.id)}) AS record_id, ${roles.map((r) => `${r.sql} AS ${quoteIdent(r.column)}`).join(', ')} FROM ${quoteIdent(raw)}`);
    sources.push({ source: names[i]!, file, records });
  }
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS\n${selects.join('\nUNION ALL\n')}`, params);
  for (const i of files.keys()) await connection.run(`DROP TABLE IF EXISTS ${quoteIdent(`link_raw_${i}`)}`);
  return { table, sources, warnings };
}
