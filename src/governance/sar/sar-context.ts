/**
 * Whose data a subject access export covers: the person (followed to the surviving person if they
 * were merged), every person merged into them, and every source record linked to any of these.
 * Also the identifying values of other people's records related to theirs, so that a value about
 * someone else that an agency kept on this person's record (a parent's name on a school row) is
 * withheld.
 */
import type { SqlClient } from '../../store/index.ts';
import type { SpecialCategoryKey } from '../special-category/index.ts';

export interface SarContext {
  sql: SqlClient;
  /** The surviving person the export is about. */
  personId: string;
  /** `personId` and every person merged into it. */
  personIds: string[];
  /** Every source record of those persons. */
  recordIds: number[];
  /** Normalised identifying values of related records that belong to other people. */
  othersValues: Set<string>;
  /** Opens sealed health fields; without it they are reported as sealed. */
  key?: SpecialCategoryKey;
}

/** Letters and digits only, lower-case: how values are compared when withholding ('Dana Smith' ~ 'dana smith'). */
export const normaliseValue = (value: unknown): string => String(value).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

async function survivor(sql: SqlClient, personId: string): Promise<string | null> {
  let current = personId;
  for (let hop = 0; hop < 50; hop++) {
    const [row] = await sql.query<{ merged_into: string | null }>('SELECT merged_into FROM persons WHERE id = $1', [current]);
    if (!row) return null;
    if (!row.merged_into) return current;
    current = row.merged_into;
  }
  throw new Error(`persons merge chain from ${personId} does not end: check persons.merged_into`);
}

interface Identifiers {
  given_name: string | null; family_name: string | null; middle_names: string | null; dob: string | null;
  nhs_number: string | null; upn: string | null; ni_number: string | null; pnc_id: string | null;
  email: string | null; phone: string | null; postcode: string | null;
}

/** The identifying values of some records, with the forms agencies write them in (names both ways round, dates as DD/MM/YYYY). */
async function identifyingValues(sql: SqlClient, recordIds: number[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await sql.query<Identifiers>(
    `SELECT given_name, family_name, middle_names, dob::text AS dob, nhs_number, upn, ni_number, pnc_id, email, phone, postcode
     FROM source_records WHERE id = ANY($1::bigint[])`, [recordIds]);
  const values = rows.flatMap((r) => {
    const [y, m, d] = r.dob?.split('-') ?? [];
    return [r.given_name, r.family_name, r.middle_names, r.nhs_number, r.upn, r.ni_number, r.pnc_id, r.email, r.phone, r.postcode,
      r.dob, r.dob ? `${d}${m}${y}` : null,
      r.given_name && r.family_name ? `${r.given_name} ${r.family_name}` : null,
      r.given_name && r.family_name ? `${r.family_name} ${r.given_name}` : null];
  });
  return new Set(values.filter((v): v is string => v !== null).map(normaliseValue).filter((v) => v.length > 2));
}

/** The context for `personId`, or null when there is no such person. */
export async function sarContext(sql: SqlClient, requestedId: string, key?: SpecialCategoryKey): Promise<SarContext | null> {
  const personId = await survivor(sql, requestedId);
  if (!personId) return null;
  const aliases = await sql.query<{ id: string }>(
    `WITH RECURSIVE merged(id) AS (SELECT $1::text UNION SELECT p.id FROM persons p JOIN merged m ON p.merged_into = m.id)
     SELECT id FROM merged ORDER BY id`, [personId]);
  const personIds = aliases.map((row) => row.id);
  const records = await sql.query<{ id: string | number }>(
    'SELECT source_record_id AS id FROM person_records WHERE person_id = ANY($1::text[]) ORDER BY 1', [personIds]);
  const recordIds = records.map((row) => Number(row.id));
  const related = await sql.query<{ id: string | number }>(
    `SELECT DISTINCT CASE WHEN from_record_id = ANY($1::bigint[]) THEN to_record_id ELSE from_record_id END AS id
     FROM relationships WHERE from_record_id = ANY($1::bigint[]) OR to_record_id = ANY($1::bigint[])`, [recordIds]);
  const others = related.map((row) => Number(row.id)).filter((id) => !recordIds.includes(id));
  const ownValues = await identifyingValues(sql, recordIds);
  const othersValues = new Set([...await identifyingValues(sql, others)].filter((value) => !ownValues.has(value)));
  return { sql, personId, personIds, recordIds, othersValues, key };
}
