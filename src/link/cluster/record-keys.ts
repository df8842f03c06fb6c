/**
 * Constraints name records by `(source, record_id)`; clustering works on the run's dense `__rid`.
 * This resolves the one into the other on the prepared records table (unknown keys are dropped).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../sql/quote.ts';

/** A record of the input table: its source and record id. */
export type RecordKey = readonly [source: string, recordId: string];

/** The `__rid` of each key present in `records`, by `source\u0000record_id`. */
export async function resolveRecordKeys(connection: DuckDBConnection, records: string, keys: readonly RecordKey[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (!keys.length) return found;
  const temp = `${records}_constraint_keys`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(temp)} (source VARCHAR, record_id VARCHAR)`);
  const appender = await connection.createAppender(temp);
  for (const [source, recordId] of keys) { appender.appendVarchar(source); appender.appendVarchar(recordId); appender.endRow(); }
  appender.closeSync();
  const reader = await connection.runAndReadAll(`SELECT DISTINCT r.source, r.record_id, r.__rid FROM ${quoteIdent(records)} AS r JOIN ${quoteIdent(temp)} USING (source, record_id)`);
  for (const [source, recordId, rid] of reader.getRowsJS()) found.set(`${String(source)}\u0000${String(recordId)}`, Number(rid));
  return found;
}

export const keyOf = ([source, recordId]: RecordKey): string => `${source}\u0000${recordId}`;

/** Groups and pairs of keys as `__rid`s (members not found left out; groups of fewer than two dropped). */
export async function resolveConstraints(
  connection: DuckDBConnection, records: string,
  groups: ReadonlyArray<readonly RecordKey[]>, pairs: ReadonlyArray<readonly [RecordKey, RecordKey]>,
): Promise<{ existing: number[][]; cannotLink: Array<[number, number]> }> {
  const rids = await resolveRecordKeys(connection, records, [...groups.flat(), ...pairs.flat()]);
  const existing = groups.map((g) => g.map((k) => rids.get(keyOf(k))).filter((r): r is number => r !== undefined)).filter((g) => g.length > 1);
  const cannotLink = pairs.map(([a, b]) => [rids.get(keyOf(a)), rids.get(keyOf(b))] as const)
    .filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined).map(([a, b]) => [a, b] as [number, number]);
  return { existing, cannotLink };
}
