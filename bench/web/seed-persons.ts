/**
 * A town-sized store for the web benchmark, made in SQL (generate_series) in seconds rather than by
 * running the pipeline: N persons with a school record each (and a police record for some), factors
 * with evidence for about a third of them, three as-of dates of scores from one approved model, and
 * the demo accounts. Names are built from short synthetic lists; nothing here is a real person.
 */
import type { Store } from '../../src/store/index.ts';
import { seedDemoAccounts } from '../../src/web/index.ts';

const FACTORS = ['poor_attainment', 'school_exclusion', 'family_breakup', 'substance_misuse', 'neet', 'homelessness', 'persistent_absence', 'offending_parent'];
const AS_OF = ['2025-10-31', '2026-04-30', '2026-10-31'];

export interface SeededTown {
  personIds: string[];
  teamId: string;
}

export async function seedPersons(store: Store, persons: number, password: string): Promise<SeededTown> {
  await store.sql.exec(`
    INSERT INTO agencies (id, name, sector) VALUES ('school-a', 'Riverside Academy', 'education'), ('police-b', 'County Police', 'police');
    INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES
      ('school-census', 'school-a', 'csv', '{}', 'bench'), ('police-custody', 'police-b', 'fixed-width', '{}', 'bench');
    INSERT INTO agreements (id, agency_id, dataset, allowed_fields, lawful_basis, purposes, retention_days, valid_from) VALUES
      ('dsa-school', 'school-a', 'school-census', '[]', 'public task', '["early_help"]', 2555, '2020-01-01'),
      ('dsa-police', 'police-b', 'police-custody', '[]', 'public task', '["early_help"]', 2555, '2020-01-01');
    INSERT INTO ingest_batches (id, dataset_id, file_name, file_sha256, status) VALUES
      (1, 'school-census', 'school.csv', 'bench-school', 'complete'), (2, 'police-custody', 'police.txt', 'bench-police', 'complete');
    INSERT INTO link_runs (id, kind, spec, spec_hash, threshold, finished_at) VALUES (1, 'full', '{}', 'bench', 0.9, now());
  `);
  const given = `(ARRAY['Amelia','Oliver','Isla','Jack','Ava','Harry','Mia','Noah','Ivy','Leo','Freya','Alfie'])`;
  const family = `(ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Wright','Khan','Evans'])`;
  await store.sql.query(`
    INSERT INTO persons (id, status, created_run_id)
    SELECT 'P' || lpad(g::text, 7, '0'), 'active', 1 FROM generate_series(1, $1::int) g`, [persons]);
  await store.sql.query(`
    INSERT INTO source_records (id, dataset_id, agency_id, batch_id, local_id, kind, row_number, given_name, family_name, dob, postcode, upn, raw)
    SELECT g, 'school-census', 'school-a', 1, 'UPN' || g, 'subject', g, ${given}[1 + g % 12], ${family}[1 + (g / 12) % 12],
           date '2008-01-01' + (g % 3650), 'AB1 ' || (g % 9) || 'CD', 'A' || lpad(g::text, 12, '0'), '{}'::jsonb
      FROM generate_series(1, $1::int) g`, [persons]);
  await store.sql.query(`
    INSERT INTO source_records (id, dataset_id, agency_id, batch_id, local_id, kind, row_number, given_name, family_name, dob, pnc_id, raw)
    SELECT $1::int + g, 'police-custody', 'police-b', 2, 'PNC' || g, 'subject', g, ${given}[1 + g % 12], ${family}[1 + (g / 12) % 12],
           date '2008-01-01' + (g % 3650), '26/' || g || 'A', '{}'::jsonb
      FROM generate_series(1, $1::int, 5) g`, [persons]);
  await store.sql.query(`
    INSERT INTO person_records (source_record_id, person_id, match_probability, run_id)
    SELECT id, 'P' || lpad((CASE WHEN id > $1::int THEN id - $1::int ELSE id END)::text, 7, '0'), 0.999, 1 FROM source_records`, [persons]);
  await store.sql.query(`
    INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability, comparison)
    SELECT 1, g, $1::int + g, 14.2, 0.9999, '{"given_name": 3.1, "family_name": 4.0, "dob": 7.1}'::jsonb
      FROM generate_series(1, $1::int, 5) g`, [persons]);
  await store.sql.query(`
    INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, value)
    SELECT g, 'school-census', 1, 'school.suspension', date '2026-01-05' + (g % 200), NULL
      FROM generate_series(1, $1::int) g WHERE g % 3 = 0`, [persons]);
  const factors = `(ARRAY[${FACTORS.map((f) => `'${f}'`).join(',')}])`;
  for (const asOf of AS_OF) {
    await store.sql.query(`
      INSERT INTO factor_instances (person_id, factor, as_of, first_seen, last_seen, evidence)
      SELECT 'P' || lpad(g::text, 7, '0'), ${factors}[1 + (g + k) % ${FACTORS.length}], $2::date,
             $2::date - 300, $2::date - (g % 90),
             jsonb_build_array(jsonb_build_object('sourceRecordId', g, 'agencyId', 'school-a', 'datasetId', 'school-census', 'code', 'school.suspension', 'occurredOn', ($2::date - (g % 90))::text))
        FROM generate_series(1, $1::int) g CROSS JOIN generate_series(0, 2) k
       WHERE g % 3 = 0 AND k <= g % 3 + 1
      ON CONFLICT DO NOTHING`, [persons, asOf]);
  }
  await store.sql.query(`
    INSERT INTO model_versions (id, status, demo, training_fingerprint, features, model, evaluation, fairness, card, approved_by, approved_at, justification)
    VALUES ('bench-model', 'approved', 'benchmark data', 'bench', $1::jsonb, '{}', '{}', '{}', '# Benchmark model', 'bench', now(), 'benchmark')`,
  [JSON.stringify(FACTORS)]);
  for (const [i, asOf] of AS_OF.entries()) {
    await store.sql.query(`
      INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions)
      SELECT 'P' || lpad(g::text, 7, '0'), 'bench-model', $2::date, least(0.95, 0.02 + (g % 97) / 120.0 + $3::float8),
             -3.1, jsonb_build_object('poor_attainment', 0.4, 'school_exclusion', 0.9, 'age', -0.2)
        FROM generate_series(1, $1::int) g WHERE g % 3 = 0`, [persons, asOf, i * 0.02]);
  }
  const { teamId } = await seedDemoAccounts(store, { password, agencyId: 'school-a' });
  await store.sql.query(`
    INSERT INTO allocations (person_id, team_id, allocated_by)
    SELECT 'P' || lpad(g::text, 7, '0'), $2, 'bench' FROM generate_series(1, $1::int) g WHERE g % 6 = 0`, [persons, teamId]);
  await store.sql.exec(`
    SELECT setval(pg_get_serial_sequence('source_records', 'id'), (SELECT max(id) FROM source_records));
    SELECT setval(pg_get_serial_sequence('ingest_batches', 'id'), 2);
    SELECT setval(pg_get_serial_sequence('link_runs', 'id'), 1);
    ANALYZE;`);
  return { personIds: await benchPersonIds(store), teamId };
}

/** The persons the bench opens: 2,000 allocated to the practitioner's team and scored on the last date. */
async function benchPersonIds(store: Store): Promise<string[]> {
  const ids = await store.sql.query<{ person_id: string }>(
    `SELECT DISTINCT s.person_id FROM scores s JOIN allocations a ON a.person_id = s.person_id AND a.ended_at IS NULL
      WHERE s.as_of = $1 ORDER BY s.person_id LIMIT 2000`, [AS_OF[2]]);
  return ids.map((row) => row.person_id);
}

/** A town an earlier run seeded (`--reuse`): its persons and the practitioner's team, read back. */
export async function seededTown(store: Store): Promise<SeededTown> {
  const [team] = await store.sql.query<{ team_id: string }>('SELECT team_id FROM allocations LIMIT 1');
  if (!team) throw new Error('web bench: the database to reuse holds no allocations; run once without --reuse');
  return { personIds: await benchPersonIds(store), teamId: team.team_id };
}
