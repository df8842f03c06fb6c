/**
 * Who and what the factor, score and worklist stages must leave out, as SQL to embed (one source of
 * truth, so every stage agrees) and as functions for code that wants the ids.
 *
 * - a record is left out while it is `disputed` (an open dispute, or one that was upheld) or has an
 *   open dispute;
 * - a person is left out while they, or a person merged into them, have an active objection.
 *
 * @example
 * `SELECT … FROM scores s WHERE s.person_id NOT IN (${EXCLUDED_PERSONS_SQL})`
 */
import type { Store } from '../../store/index.ts';

/** `SELECT source_record_id …`: every record left out of factors and scores. */
export const EXCLUDED_RECORDS_SQL = `SELECT id AS source_record_id FROM source_records WHERE disputed
  UNION SELECT source_record_id FROM disputes WHERE status = 'open'`;

/** `SELECT person_id …`: every person left out, following merges to the surviving person. */
export const EXCLUDED_PERSONS_SQL = `WITH RECURSIVE objecting(person_id) AS (
    SELECT person_id FROM objections WHERE status = 'active'
    UNION SELECT p.merged_into FROM objecting o JOIN persons p ON p.id = o.person_id WHERE p.merged_into IS NOT NULL
  ) SELECT person_id FROM objecting`;

/** Ids of the records left out of factors and scores, ascending. */
export async function excludedRecords(store: Store): Promise<number[]> {
  const rows = await store.sql.query<{ source_record_id: string | number }>(
    `SELECT source_record_id FROM (${EXCLUDED_RECORDS_SQL}) x ORDER BY 1`);
  return rows.map((row) => Number(row.source_record_id));
}

/** Ids of the persons left out of factors, scores and the worklist, sorted. */
export async function excludedPersons(store: Store): Promise<string[]> {
  const rows = await store.sql.query<{ person_id: string }>(`SELECT person_id FROM (${EXCLUDED_PERSONS_SQL}) x ORDER BY 1`);
  return rows.map((row) => row.person_id);
}
