/**
 * The relationships agencies record (a parent, carer or household member named on a young
 * person's record) as linkage input: pairs of records that are different people, and the
 * household address a contact record without one most likely shares with the person it is
 * named on.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlClient } from '../../store/index.ts';
import type { RecordKey } from '../cluster/record-keys.ts';
import { quoteIdent } from '../sql/quote.ts';

/** Every recorded relationship as `[from, to]` record keys (source = dataset, record id = source record id). */
export async function readStoreRelations(sql: SqlClient, options: { recordIds?: readonly string[] } = {}): Promise<Array<[RecordKey, RecordKey]>> {
  const filter = options.recordIds ? 'WHERE r.from_record_id = ANY($1::bigint[]) OR r.to_record_id = ANY($1::bigint[])' : '';
  const rows = await sql.query<{ fd: string; f: string; td: string; t: string }>(`SELECT DISTINCT f.dataset_id AS fd, f.id::text AS f, t.dataset_id AS td, t.id::text AS t
FROM relationships AS r JOIN source_records AS f ON f.id = r.from_record_id JOIN source_records AS t ON t.id = r.to_record_id ${filter}`,
  options.recordIds ? [options.recordIds] : []);
  return rows.map((row) => [[row.fd, row.f], [row.td, row.t]]);
}

/**
 * Years a parent or carer is taken to be older than the child at least. Parents under 14 at a
 * birth are so rare that a record named as the parent of someone born less than 14 years after a
 * person is far more likely another person of the same name (a mother and her daughter both
 * called Blanche, at one address) than that person; such a link goes to clerical review.
 */
export const PARENT_MIN_AGE_GAP_YEARS = 14;

/**
 * For each record named as a parent (`parent_of`) of records with a date of birth: the person is
 * born before the earliest such date less 14 years (the age guard's bound). Carers (`carer_of`: a
 * step-parent, a foster carer) are adults of any age relative to the child, so they have none.
 */
export async function readStoreBornBefore(sql: SqlClient): Promise<Array<[RecordKey, string]>> {
  const rows = await sql.query<{ d: string; id: string; before: string }>(`SELECT f.dataset_id AS d, f.id::text AS id,
  to_char(min(t.dob) - make_interval(years => ${PARENT_MIN_AGE_GAP_YEARS}), 'YYYY-MM-DD') AS before
FROM relationships AS r JOIN source_records AS f ON f.id = r.from_record_id JOIN source_records AS t ON t.id = r.to_record_id
WHERE r.kind = 'parent_of' AND t.dob IS NOT NULL GROUP BY f.dataset_id, f.id ORDER BY f.id`);
  return rows.map((row) => [[row.d, row.id], row.before]);
}

/**
 * Gives each record of `table` without a postcode the postcode (and, where it has none, the
 * address) of the records it is related to, when they all share one postcode: a parent named on
 * a child's record is taken to live at the child's address. Returns how many records it filled.
 */
export async function fillHouseholdAddress(connection: DuckDBConnection, table: string, relations: ReadonlyArray<readonly [RecordKey, RecordKey]>): Promise<number> {
  if (!relations.length) return 0;
  const temp = `${table}_relations`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(temp)} (fs VARCHAR, fr VARCHAR, ts VARCHAR, tr VARCHAR)`);
  const appender = await connection.createAppender(temp);
  for (const [[fs, fr], [ts, tr]] of relations) {
    appender.appendVarchar(fs); appender.appendVarchar(fr); appender.appendVarchar(ts); appender.appendVarchar(tr); appender.endRow();
  }
  appender.closeSync();
  const t = quoteIdent(table);
  const reader = await connection.runAndReadAll(`UPDATE ${t} AS s SET postcode = x.postcode, address = coalesce(s.address, x.address) FROM (
  SELECT r.fs, r.fr, min(o.postcode) AS postcode, min(o.address) AS address
  FROM ${quoteIdent(temp)} AS r JOIN ${t} AS o ON o.source = r.ts AND o.record_id = r.tr
  GROUP BY r.fs, r.fr HAVING count(DISTINCT o.postcode) = 1 AND count(o.postcode) = count(*)) AS x
WHERE s.source = x.fs AND s.record_id = x.fr AND s.postcode IS NULL`);
  await connection.run(`DROP TABLE ${quoteIdent(temp)}`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}
