/**
 * Which retention period governs each dataset, and when a source record expires.
 *
 * A dataset is governed by its agency's agreement for it (the active one with the latest
 * `valid_from`; else the latest). A source record expires when its last activity — the later of
 * when it was last loaded (`loaded_at`, which the ingest stage refreshes each time the agency
 * re-sends the record) and the latest date of any event on it (occurred or recorded) — is before
 * the cut-off: the as-of date less the agreement's `retention_days`. A dataset with no agreement
 * is reported and left alone: deleting is irreversible, and the DPO decides.
 */

/** Creates the empty scope tables of one run (dropped at commit or rollback). */
export const CREATE_SCOPE_SQL = `
CREATE TEMP TABLE ret_policy (dataset_id text PRIMARY KEY, agreement_id text NOT NULL, retention_days int NOT NULL,
  cutoff date NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE ret_records (id bigint PRIMARY KEY, dataset_id text NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE ret_events (id bigint PRIMARY KEY, dataset_id text NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE ret_touched (person_id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE ret_factors (id bigint PRIMARY KEY, person_id text NOT NULL, as_of date NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE ret_persons (id text PRIMARY KEY) ON COMMIT DROP`;

/** Fills `ret_policy` for the as-of date `$1`. */
export const POLICY_SQL = `
INSERT INTO ret_policy (dataset_id, agreement_id, retention_days, cutoff)
SELECT DISTINCT ON (d.id) d.id AS dataset_id, a.id AS agreement_id, a.retention_days,
  ($1::date - a.retention_days) AS cutoff
FROM datasets d JOIN agreements a ON a.dataset = d.id AND a.agency_id = d.agency_id
ORDER BY d.id, a.active DESC, a.valid_from DESC`;

/** Datasets with no agreement, which retention does not touch. */
export const UNGOVERNED_SQL = `SELECT id FROM datasets d WHERE NOT EXISTS (SELECT 1 FROM ret_policy p WHERE p.dataset_id = d.id) ORDER BY id`;

/** Fills `ret_records` (the expired source records), `ret_events` (their events) and `ret_touched` (their persons). */
export const EXPIRED_RECORDS_SQL = `
INSERT INTO ret_records (id, dataset_id)
SELECT sr.id, sr.dataset_id
FROM source_records sr JOIN ret_policy p ON p.dataset_id = sr.dataset_id
WHERE (sr.loaded_at AT TIME ZONE 'UTC')::date < p.cutoff
  AND NOT EXISTS (
    SELECT 1 FROM events e WHERE e.source_record_id = sr.id
      AND GREATEST(e.occurred_on, COALESCE(e.recorded_on, e.occurred_on)) >= p.cutoff);
INSERT INTO ret_events (id, dataset_id) SELECT e.id, e.dataset_id FROM events e JOIN ret_records r ON r.id = e.source_record_id;
INSERT INTO ret_touched (person_id) SELECT DISTINCT pr.person_id FROM person_records pr JOIN ret_records r ON r.id = pr.source_record_id;
ANALYZE ret_records; ANALYZE ret_events`;
