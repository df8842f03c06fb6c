/**
 * The scope of an evaluation, materialised as temporary tables in the caller's transaction.
 *
 * Once per transaction (what does not depend on the as-of date): records left out (an open dispute
 * or the `disputed` flag), persons left out (an active objection), and per active person the date of
 * birth most of their records give and the first date any of their records counts as held
 * (`ind_person_facts`), when each relationship became known (`ind_relationships`), and the walk
 * from each person's records along those relationships to the related records (`ind_person_edges`,
 * every relationship kind). Per as-of date: the cohort — persons of the configured ages on that
 * date, held by some agency by then — and their family records through relationships known by
 * then (`ind_family_records`; each family factor takes the kinds it names). Many dates in one transaction
 * (the model's history) so pay for the heavy scans once.
 */
import { RELATIONSHIP_KINDS } from '../ingest/mapping-schema.ts';
import type { SqlClient } from '../store/index.ts';
import { RELATION_DIRECTION, type KnownFrom } from './factor-definitions.ts';
import { familyRecordsSql, personEdgesSql } from './family-graph.ts';
import { knownSql, type KnownSql } from './known-from.ts';

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

const CREATE_FACTS = `
CREATE TEMP TABLE ind_excluded_records (record_id bigint PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE ind_objecting (person_id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE ind_person_facts (person_id text PRIMARY KEY, dob date NOT NULL, known_on date, known_from text NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE ind_batch_days (id bigint PRIMARY KEY, day date NOT NULL) ON COMMIT DROP;
INSERT INTO ind_batch_days SELECT id, (started_at AT TIME ZONE 'Europe/London')::date FROM ingest_batches;
CREATE TEMP TABLE ind_first_activity (record_id bigint PRIMARY KEY, first_on date) ON COMMIT DROP;
INSERT INTO ind_first_activity SELECT source_record_id, min(COALESCE(recorded_on, occurred_on)) FROM events GROUP BY source_record_id;
ANALYZE ind_first_activity;
CREATE TEMP TABLE ind_relationships (kind text NOT NULL, from_record_id bigint NOT NULL, to_record_id bigint NOT NULL, known_on date) ON COMMIT DROP;
INSERT INTO ind_excluded_records
  SELECT id FROM source_records WHERE disputed
  UNION SELECT source_record_id FROM disputes WHERE status = 'open';
INSERT INTO ind_objecting
  SELECT person_id FROM objections WHERE status = 'active'
  UNION SELECT p.merged_into FROM objections o JOIN persons p ON p.id = o.person_id
    WHERE o.status = 'active' AND p.merged_into IS NOT NULL;
`;

/**
 * Per active person not objecting: the most common date of birth over their records that are not
 * left out (ties: the earliest), and the first date one of those records counts as held.
 */
const factsSql = (known: KnownSql) => `
INSERT INTO ind_person_facts (person_id, dob, known_on, known_from)
SELECT d.person_id, d.dob, k.known_on, $1
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
JOIN (
  SELECT kpr.person_id, min(${known.knownOn('kb.day', 'fa.first_on')}) AS known_on
  FROM person_records kpr
  JOIN source_records ksr ON ksr.id = kpr.source_record_id
  JOIN ind_batch_days kb ON kb.id = ksr.batch_id
  LEFT JOIN ind_first_activity fa ON fa.record_id = ksr.id
  WHERE NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = ksr.id)
  GROUP BY kpr.person_id
) k ON k.person_id = d.person_id
WHERE NOT EXISTS (SELECT 1 FROM ind_objecting o WHERE o.person_id = d.person_id)`;

/** Relationships between records not left out, with the first date each counts as known. */
const relationshipsSql = (known: KnownSql) => `
INSERT INTO ind_relationships
SELECT r.kind, r.from_record_id, r.to_record_id, ${known.knownOn('kb.day', 'ff.first_on', 'ft.first_on')}
FROM relationships r
JOIN ind_batch_days kb ON kb.id = r.batch_id
LEFT JOIN ind_first_activity ff ON ff.record_id = r.from_record_id
LEFT JOIN ind_first_activity ft ON ft.record_id = r.to_record_id
WHERE NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id IN (r.from_record_id, r.to_record_id))`;

const COHORT = `
INSERT INTO ind_cohort (person_id, dob, age)
SELECT f.person_id, f.dob, date_part('year', age($1::date, f.dob))::int
FROM ind_person_facts f
WHERE f.known_on <= $1::date AND date_part('year', age($1::date, f.dob)) BETWEEN $2 AND $3`;

/** Creates the date-independent tables unless this transaction already has them (for the same policy). */
async function prepareFacts(tx: SqlClient, knownFrom: KnownFrom): Promise<void> {
  const [present] = await tx.query<{ facts: string | null }>(`SELECT to_regclass('pg_temp.ind_person_facts')::text AS facts`);
  if (present?.facts) {
    const [policy] = await tx.query<{ known_from: string }>('SELECT known_from FROM ind_person_facts LIMIT 1');
    if (!policy || policy.known_from === knownFrom) return;
    await tx.exec('DROP TABLE ind_excluded_records, ind_objecting, ind_person_facts, ind_relationships, ind_first_activity, ind_batch_days, ind_person_edges');
  }
  await tx.exec(SETTINGS + CREATE_FACTS);
  await tx.query(factsSql(knownSql(knownFrom)), [knownFrom]);
  await tx.exec(relationshipsSql(knownSql(knownFrom)));
  await tx.exec('ANALYZE ind_excluded_records; ANALYZE ind_objecting; ANALYZE ind_person_facts; ANALYZE ind_relationships;');
  await tx.query(`CREATE TEMP TABLE ind_person_edges ON COMMIT DROP AS ${personEdgesSql('$1::text[]', '$2::text[]')}`,
    [[...RELATIONSHIP_KINDS], RELATIONSHIP_KINDS.filter((kind) => RELATION_DIRECTION[kind] === 'symmetric')]);
  await tx.exec('CREATE INDEX ON ind_person_edges (own_person); ANALYZE ind_person_edges;');
}

/** Creates the scope tables for `asOf` inside the caller's transaction; returns the cohort's size. */
export async function prepareScope(tx: SqlClient, options: ScopeOptions): Promise<{ cohort: number }> {
  await prepareFacts(tx, options.knownFrom);
  await tx.exec(`DROP TABLE IF EXISTS ind_cohort, ind_family_records;
CREATE TEMP TABLE ind_cohort (person_id text PRIMARY KEY, dob date NOT NULL, age integer NOT NULL) ON COMMIT DROP;`);
  await tx.query(COHORT, [options.asOf, options.minAge, options.maxAge]);
  await tx.exec('ANALYZE ind_cohort;');
  await tx.query(`CREATE TEMP TABLE ind_family_records ON COMMIT DROP AS ${familyRecordsSql('$1::date')}`, [options.asOf]);
  // Without statistics the planner nests loops over it: the family factors then take ten times as long.
  await tx.exec('ANALYZE ind_family_records;');
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM ind_cohort');
  return { cohort: row?.n ?? 0 };
}
