/**
 * The nickname table (nickname,formal) shipped by the standardise stage, loaded into the engine
 * as an alias lookup: each name maps to the list of formal names it may stand for, itself included.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../sql/quote.ts';
import type { TableNames } from '../sql/table-names.ts';
import { nameSql } from './standardise-sql.ts';

/** Where the standardise stage ships its nickname table. */
export const NICKNAMES_CSV = fileURLToPath(new URL('../../standardise/data/nicknames.csv', import.meta.url));

/**
 * Creates the alias lookup table (`name`, `aliases`) from the nickname CSV. Returns a warning
 * when the table is missing, in which case the alias level matches nothing.
 */
export async function loadAliases(connection: DuckDBConnection, names: TableNames, path = NICKNAMES_CSV): Promise<string[]> {
  const aliases = quoteIdent(names.aliases);
  if (!existsSync(path)) {
    await connection.run(`CREATE OR REPLACE TABLE ${aliases} (name VARCHAR, aliases VARCHAR[])`);
    return [`nickname table not found at ${path}: the nickname level will match nothing`];
  }
  const nickname = nameSql(quoteIdent('nickname'));
  const formal = nameSql(quoteIdent('formal'));
  await connection.run(`CREATE OR REPLACE TABLE ${aliases} AS
SELECT name, list_sort(list_distinct(list(formal) || [name])) AS aliases FROM (
  SELECT ${nickname} AS name, ${formal} AS formal FROM read_csv($path, all_varchar = true, header = true)
) WHERE name IS NOT NULL AND formal IS NOT NULL GROUP BY name`, { path });
  return [];
}
