/**
 * Keeps the worklist's read model (`worklist_entries`, `worklist_state`) in step with its inputs:
 * a cheap fingerprint of factors, scores, approved versions, link runs, complete ingest batches and
 * the teams' areas is compared on each read, and when it has changed the entries are derived again
 * in one transaction (concurrent readers wait for one refresh, then find it done). Deleted factor
 * rows alone (retention) change no fingerprint: they are caught at the next indicators run.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { areaTeamSql, PLACE_AGGREGATES } from '../casework/team-holding.ts';

const REFRESH_LOCK = 7_311_026;

const INPUTS_SQL = `SELECT concat_ws(':',
  (SELECT coalesce(max(id), 0) FROM factor_instances), (SELECT coalesce(max(id), 0) FROM scores),
  (SELECT coalesce(string_agg(id, ',' ORDER BY id), '-') FROM model_versions WHERE status = 'approved'),
  (SELECT coalesce(max(id), 0) FROM link_runs), (SELECT coalesce(max(id), 0) FROM ingest_batches WHERE status = 'complete')) AS inputs,
  (SELECT fingerprint FROM worklist_state WHERE id = 1) AS held`;

/** `$1` is the teams' areas (`teamAreas`). Objections are left to the reader, so that they apply at once. */
const DERIVE_SQL = `
INSERT INTO worklist_entries (person_id, as_of, factors, factor_count, changed_on, probability, given_name, family_name,
                              age, age_band, school, district, area_team)
WITH latest AS (SELECT max(as_of) AS as_of FROM factor_instances),
f AS (
  SELECT fi.person_id, array_agg(fi.factor ORDER BY fi.factor) AS factors, max(fi.last_seen) AS changed_on
    FROM factor_instances fi JOIN latest ON fi.as_of = latest.as_of
   GROUP BY fi.person_id),
s AS (
  SELECT DISTINCT ON (sc.person_id) sc.person_id, sc.probability
    FROM scores sc JOIN model_versions mv ON mv.id = sc.model_version_id AND mv.status = 'approved'
   WHERE sc.person_id IN (SELECT person_id FROM f)
   ORDER BY sc.person_id, sc.as_of DESC, sc.scored_at DESC),
pl AS (
  SELECT pr.person_id,
         (array_agg(sr.given_name ORDER BY (sr.dob IS NULL), sr.id))[1] AS given_name,
         (array_agg(sr.family_name ORDER BY (sr.dob IS NULL), sr.id))[1] AS family_name,
         (array_agg(sr.dob ORDER BY (sr.dob IS NULL), sr.id))[1] AS dob, ${PLACE_AGGREGATES}
    FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id AND sr.kind = 'subject'
   WHERE pr.person_id IN (SELECT person_id FROM f)
   GROUP BY pr.person_id),
rows AS (
  SELECT f.person_id, latest.as_of, f.factors, f.changed_on, s.probability, pl.given_name, pl.family_name,
         date_part('year', age(latest.as_of, pl.dob))::int AS age, pl.school, pl.district
    FROM f CROSS JOIN latest LEFT JOIN s ON s.person_id = f.person_id LEFT JOIN pl ON pl.person_id = f.person_id)
SELECT person_id, as_of, factors, cardinality(factors), changed_on, probability, given_name, family_name, age,
       CASE WHEN age IS NULL THEN NULL WHEN age < 10 THEN 'under_10' WHEN age <= 13 THEN '10_13'
            WHEN age <= 15 THEN '14_15' WHEN age <= 17 THEN '16_17' ELSE '18_plus' END,
       school, district,
       ${areaTeamSql('$1', 'rows')}
  FROM rows`;

const STATE_SQL = `
INSERT INTO worklist_state (id, fingerprint, as_of, factors, schools, refreshed_at)
SELECT 1, $1, (SELECT max(as_of) FROM worklist_entries),
       ARRAY(SELECT DISTINCT unnest(factors) FROM worklist_entries ORDER BY 1),
       ARRAY(SELECT DISTINCT school FROM worklist_entries WHERE school IS NOT NULL ORDER BY 1), now()
ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, as_of = EXCLUDED.as_of, factors = EXCLUDED.factors,
  schools = EXCLUDED.schools, refreshed_at = EXCLUDED.refreshed_at`;

/** Derives the entries again when their inputs have changed; returns whether it did. */
export async function refreshWorklist(store: Store, areas: string): Promise<boolean> {
  const areasHash = createHash('sha256').update(areas).digest('hex').slice(0, 16);
  const fingerprint = (inputs: string) => `${inputs}:${areasHash}`;
  const [first] = await store.sql.query<{ inputs: string; held: string | null }>(INPUTS_SQL);
  if (first && first.held === fingerprint(first.inputs)) return false;
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
    const [now] = await tx.query<{ inputs: string; held: string | null }>(INPUTS_SQL);
    const wanted = fingerprint(now!.inputs);
    if (now!.held === wanted) return false;
    await tx.query('DELETE FROM worklist_entries');
    await tx.query(DERIVE_SQL, [areas]);
    await tx.query(STATE_SQL, [wanted]);
    return true;
  });
}
