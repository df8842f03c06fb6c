/**
 * The scope of one evaluation, materialised once per transaction as temporary tables:
 * records left out (an open dispute or the `disputed` flag), persons left out (an active
 * objection), and the cohort — active persons of the configured ages at the as-of date,
 * known to some agency by then, with the date of birth most of their records give.
 */
import type { SqlClient } from '../store/index.ts';
import type { KnownFrom } from './factor-definitions.ts';
import { knownSql } from './known-from.ts';

export interface ScopeOptions {
  asOf: string;
  minAge: number;
  maxAge: number;
  knownFrom: KnownFrom;
}

/**
 * Batch-job settings for this transaction only: generated SQL over large joins is mis-costed into
 * JIT compilation that takes longer than the query; sorts get room in memory.
 */
const SETTINGS = `SET LOCAL jit = off; SET LOCAL work_mem = '64MB';`;

const CREATE = `
DROP TABLE IF EXISTS ind_excluded_records, ind_objecting, ind_cohort;
CREATE TEMP TABLE ind_excluded_records (record_id bigint PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE ind_objecting (person_id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE ind_cohort (person_id text PRIMARY KEY, dob date NOT NULL, age integer NOT NULL) ON COMMIT DROP;
INSERT INTO ind_excluded_records
  SELECT id FROM source_records WHERE disputed
  UNION SELECT source_record_id FROM disputes WHERE status = 'open';
INSERT INTO ind_objecting
  SELECT person_id FROM objections WHERE status = 'active'
  UNION SELECT p.merged_into FROM objections o JOIN persons p ON p.id = o.person_id
    WHERE o.status = 'active' AND p.merged_into IS NOT NULL;
`;

/** Most common date of birth over a person's records that are not left out (ties: the earliest). */
const cohortSql = (known: string) => `
INSERT INTO ind_cohort (person_id, dob, age)
SELECT d.person_id, d.dob, date_part('year', age($1::date, d.dob))::int
FROM (
  SELECT DISTINCT ON (pr.person_id) pr.person_id, sr.dob
  FROM person_records pr
  JOIN persons p ON p.id = pr.person_id AND p.status = 'active'
  JOIN source_records sr ON sr.id = pr.source_record_id
  WHERE sr.dob IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = sr.id)
  GROUP BY pr.person_id, sr.dob
  ORDER BY pr.person_id, count(*) DESC, sr.dob
) d
WHERE date_part('year', age($1::date, d.dob)) BETWEEN $2 AND $3
  AND NOT EXISTS (SELECT 1 FROM ind_objecting o WHERE o.person_id = d.person_id)
  AND EXISTS (
    SELECT 1 FROM person_records kpr JOIN source_records ksr ON ksr.id = kpr.source_record_id
    WHERE kpr.person_id = d.person_id
      AND NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = ksr.id)
      AND ${known})`;

/** Creates the scope tables inside the caller's transaction; returns the cohort's size. */
export async function prepareScope(tx: SqlClient, options: ScopeOptions): Promise<{ cohort: number }> {
  await tx.exec(SETTINGS + CREATE);
  await tx.query(cohortSql(knownSql(options.knownFrom).record('ksr', '$1::date')), [options.asOf, options.minAge, options.maxAge]);
  await tx.exec('ANALYZE ind_excluded_records; ANALYZE ind_objecting; ANALYZE ind_cohort;');
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM ind_cohort');
  return { cohort: row?.n ?? 0 };
}
