/**
 * Protected characteristics, for the fairness audit only — never model inputs. Sex comes from the
 * records' `sex`; other attributes (ethnicity, SEN, FSM…) from `source_records.attributes` where a
 * dataset's mapping (and so its agreement) provides them; each is the value most of a person's
 * records give. The age band is derived from the age.
 */
import type { SqlClient } from '../store/index.ts';

export type ProtectedAttributes = Record<string, string | null>;

const notExcluded = `NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = sr.id)`;

/**
 * The most common value of `sex` and of each named attribute per person in the scope's cohort.
 * Computed once per transaction for every person of the scope (`ind_protected`), then read per date.
 */
export async function protectedAttributes(tx: SqlClient, attributeKeys: string[]): Promise<Map<string, Record<string, string>>> {
  const keys = [...attributeKeys].sort().join(',');
  const [present] = await tx.query<{ t: string | null }>(`SELECT to_regclass('pg_temp.ind_protected')::text AS t`);
  const [same] = present?.t ? await tx.query<{ keys: string }>('SELECT keys FROM ind_protected_keys') : [];
  if (!same || same.keys !== keys) {
    await tx.exec(`DROP TABLE IF EXISTS ind_protected, ind_protected_keys;
      CREATE TEMP TABLE ind_protected (person_id text, key text, value text, PRIMARY KEY (person_id, key)) ON COMMIT DROP;
      CREATE TEMP TABLE ind_protected_keys (keys text) ON COMMIT DROP;`);
    await tx.query('INSERT INTO ind_protected_keys VALUES ($1)', [keys]);
    await tx.query(`
    INSERT INTO ind_protected (person_id, key, value)
    SELECT DISTINCT ON (person_id, key) person_id, key, value FROM (
      SELECT pr.person_id, 'sex' AS key, sr.sex AS value
      FROM ind_person_facts c JOIN person_records pr ON pr.person_id = c.person_id
      JOIN source_records sr ON sr.id = pr.source_record_id
      WHERE sr.sex IS NOT NULL AND ${notExcluded}
      UNION ALL
      SELECT pr.person_id, kv.key, kv.value
      FROM ind_person_facts c JOIN person_records pr ON pr.person_id = c.person_id
      JOIN source_records sr ON sr.id = pr.source_record_id
      CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(sr.attributes) = 'object' THEN sr.attributes ELSE '{}'::jsonb END) kv
      WHERE kv.key = ANY($1::text[]) AND kv.value IS NOT NULL AND kv.value <> '' AND ${notExcluded}
    ) a
    GROUP BY person_id, key, value
    ORDER BY person_id, key, count(*) DESC, value`, [attributeKeys]);
  }
  const rows = await tx.query<{ person_id: string; key: string; value: string }>(
    'SELECT p.person_id, p.key, p.value FROM ind_protected p JOIN ind_cohort c ON c.person_id = p.person_id');
  const byPerson = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const values = byPerson.get(row.person_id) ?? {};
    values[row.key] = row.value;
    byPerson.set(row.person_id, values);
  }
  return byPerson;
}

/** The band an age falls in, from ascending edges: `[10, 15, 18]` gives `10-14` and `15-17`. */
export function ageBand(age: number, edges: readonly number[]): string {
  for (let i = 0; i + 1 < (edges.length); i += 1) {
    const low = edges[i] as number;
    const high = edges[i + 1] as number;
    if (age >= low && age < high) return `${low}-${high - 1}`;
  }
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first !== undefined && age < first) return `<${first}`;
  return last !== undefined ? `${last}+` : 'all';
}
