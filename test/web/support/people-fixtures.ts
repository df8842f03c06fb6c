/**
 * People for the worklist, person and review tests, written straight into the store: a link run,
 * source records in the school, police and NHS datasets, persons with factor instances at an
 * as-of date (and an older one), an approved model's score, a parent, an objecting person and an
 * open review item with its stored comparison vector.
 */
import { readFileSync } from 'node:fs';
import type { Store } from '../../../src/store/index.ts';

/** A small fitted version's documents (model, evaluation, fairness, card), so the Models pages can open it. */
function modelVersionDocuments(): string[] {
  const read = (name: string) => readFileSync(new URL(`./model-version/${name}`, import.meta.url), 'utf8');
  return [read('model.json'), read('evaluation.json'), read('fairness.json'), read('model-card.md')];
}

export const AS_OF = '2026-10-01';

export interface PeopleFixtures {
  /** Jane Smith: school exclusion and an offending parent, scored 0.72. */
  personId: string;
  /** Tom Brown: school exclusion only, not scored. */
  secondPersonId: string;
  /** Mark Smith, Jane's father (a contact in the police data). */
  parentId: string;
  /** Olivia Objector: has factors but objects, so is never listed. */
  objectingId: string;
  /** Jane's school record (the one a data error is reported on). */
  schoolRecordId: number;
  reviewItemId: number;
  /** Sara South: persistent absence, lives in TB6, so early help – south holds her. */
  southPersonId: string;
}

export async function seedPeople(store: Store, batches: { school: number; police: number }): Promise<PeopleFixtures> {
  const one = async (sql: string, params: unknown[] = []) => {
    const [row] = await store.sql.query<{ id: number | string }>(sql, params);
    return Number(row!.id);
  };
  await store.sql.exec(`
    INSERT INTO agencies (id, name, sector) VALUES ('nhs-c', 'Riverside NHS Trust', 'health');
    INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES ('nhs-substance', 'nhs-c', 'csv', '{}', 'cccccccccccccccccccc');
    INSERT INTO agreements (id, agency_id, dataset, allowed_fields, lawful_basis, purposes, retention_days, valid_from) VALUES
      ('dsa-nhs', 'nhs-c', 'nhs-substance', '["nhs_number"]', 'public task', '["early_help"]', 2555, '2020-01-01');
  `);
  const nhsBatch = await one(`INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status, rows_read, rows_loaded, rows_quarantined)
    VALUES ('nhs-substance', 'nhs.csv', '${'c'.repeat(64)}', 'complete', 1, 1, 0) RETURNING id`);
  const runId = await one(`INSERT INTO link_runs (kind, spec, spec_hash, threshold) VALUES ('full', '{}', 'spec', 0.9) RETURNING id`);
  const record = (dataset: string, agency: string, batch: number, localId: string, kind: string, given: string, family: string, dob: string, ids: Partial<Record<'upn' | 'pnc' | 'nhs' | 'postcode', string>> = {}) =>
    one(`INSERT INTO source_records (dataset_id, agency_id, batch_id, local_id, kind, row_number, given_name, family_name, dob, upn, pnc_id, nhs_number, postcode, raw)
      VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, '{}') RETURNING id`,
    [dataset, agency, batch, localId, kind, given, family, dob, ids.upn ?? null, ids.pnc ?? null, ids.nhs ?? null, ids.postcode ?? 'TB1 2AB']);
  const janeSchool = await record('school-census', 'school-a', batches.school, 'FIX-1', 'subject', 'Jane', 'Smith', '2011-03-02', { upn: 'A123456789012' });
  const janePolice = await record('police-custody', 'police-b', batches.police, 'FIX-2', 'subject', 'Jane', 'Smith', '2011-03-02', { pnc: '11/123456A' });
  const janeNhs = await record('nhs-substance', 'nhs-c', nhsBatch, 'FIX-6', 'subject', 'Jane', 'Smith', '2011-03-02', { nhs: '9434765919' });
  const mark = await record('police-custody', 'police-b', batches.police, 'FIX-3', 'contact', 'Mark', 'Smith', '1980-01-01');
  const tom = await record('school-census', 'school-a', batches.school, 'FIX-4', 'subject', 'Tom', 'Brown', '2009-05-05');
  const tomb = await record('police-custody', 'police-b', batches.police, 'FIX-5', 'subject', 'Thomas', 'Browne', '2009-05-05', { pnc: '09/654321B' });
  const olivia = await record('school-census', 'school-a', batches.school, 'FIX-7', 'subject', 'Olivia', 'Objector', '2012-01-01');
  const sara = await record('school-census', 'school-a', batches.school, 'FIX-8', 'subject', 'Sara', 'South', '2010-07-07', { postcode: 'TB6 3CD' });
  const people = { jane: 'p-7f3a9c2e', tom: 'p-5a8b2c7d', mark: 'p-3c9d1e4f', olivia: 'p-0b1e2c3d', tomb: 'p-9e1f4a6b', sara: 'p-6d2e8f1a' };
  for (const id of Object.values(people)) await store.sql.query('INSERT INTO persons (id, created_run_id) VALUES ($1, $2)', [id, runId]);
  const members: Array<[number, string, number]> = [
    [janeSchool, people.jane, 0.99], [janePolice, people.jane, 0.97], [janeNhs, people.jane, 0.93], [mark, people.mark, 1],
    [tom, people.tom, 1], [tomb, people.tomb, 1], [olivia, people.olivia, 1], [sara, people.sara, 1],
  ];
  for (const [rec, person, p] of members) {
    await store.sql.query('INSERT INTO person_records (source_record_id, person_id, match_probability, run_id) VALUES ($1, $2, $3, $4)', [rec, person, p, runId]);
  }
  const event = (rec: number, dataset: string, batch: number, code: string, on: string, special = false) =>
    one(`INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, value, special_category)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [rec, dataset, batch, code, on, special ? 'sealed:clinical-detail' : null, special]);
  const suspension = await event(janeSchool, 'school-census', batches.school, 'school.suspension', '2026-03-01');
  const caution = await event(mark, 'police-custody', batches.police, 'police.caution', '2025-06-10');
  await event(janeNhs, 'nhs-substance', nhsBatch, 'health.substance_misuse_treatment', '2026-05-20', true);
  const tomSuspension = await event(tom, 'school-census', batches.school, 'school.permanent_exclusion', '2026-09-01');
  await event(olivia, 'school-census', batches.school, 'school.suspension', '2026-08-01');
  const saraAbsence = await event(sara, 'school-census', batches.school, 'school.persistent_absence', '2026-07-20');
  await store.sql.query(`INSERT INTO relationships (dataset_id, batch_id, from_record_id, to_record_id, kind) VALUES ('police-custody', $1, $2, $3, 'parent_of')`,
    [batches.police, mark, janePolice]);
  const factor = (person: string, id: string, asOf: string, evidence: unknown[]) => store.sql.query(
    `INSERT INTO factor_instances (person_id, factor, as_of, first_seen, last_seen, evidence) VALUES ($1, $2, $3, $4, $4, $5)`,
    [person, id, asOf, (evidence[0] as { occurredOn: string }).occurredOn, JSON.stringify(evidence)]);
  const ev = (eventId: number, rec: number, agencyId: string, datasetId: string, code: string, occurredOn: string, via?: string) =>
    ({ eventId, sourceRecordId: rec, agencyId, datasetId, code, occurredOn, ...(via ? { via } : {}) });
  await factor(people.jane, 'school_exclusion', AS_OF, [ev(suspension, janeSchool, 'school-a', 'school-census', 'school.suspension', '2026-03-01')]);
  await factor(people.jane, 'offending_parent', AS_OF, [ev(caution, mark, 'police-b', 'police-custody', 'police.caution', '2025-06-10', 'parent_of')]);
  await factor(people.jane, 'poor_attainment', '2026-04-01', [ev(suspension, janeSchool, 'school-a', 'school-census', 'school.attainment', '2026-03-01')]);
  await factor(people.tom, 'school_exclusion', AS_OF, [ev(tomSuspension, tom, 'school-a', 'school-census', 'school.permanent_exclusion', '2026-09-01')]);
  await factor(people.olivia, 'school_exclusion', AS_OF, [ev(tomSuspension, olivia, 'school-a', 'school-census', 'school.suspension', '2026-08-01')]);
  await factor(people.sara, 'persistent_absence', AS_OF, [ev(saraAbsence, sara, 'school-a', 'school-census', 'school.persistent_absence', '2026-07-20')]);
  await store.sql.query(`INSERT INTO objections (person_id, reason, recorded_by) VALUES ($1, 'objects to profiling', 'ig-lead')`, [people.olivia]);
  await store.sql.query(`INSERT INTO model_versions (id, status, training_fingerprint, features, model, evaluation, fairness, card)
    VALUES ('mv-test-1', 'approved', 'fp', '["school_exclusion","offending_parent"]', $1, $2, $3, $4)`, modelVersionDocuments());
  await store.sql.query(`INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions) VALUES ($1, 'mv-test-1', $2, 0.72, -2.1, $3)`,
    [people.jane, AS_OF, JSON.stringify({ school_exclusion: 1.4, offending_parent: 1.1, age: 0.2 })]);
  await store.sql.query(`INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability, comparison) VALUES ($1, $2, $3, 1.5, 0.74, $4)`,
    [runId, tom, tomb, JSON.stringify({ given_name: 1, family_name: 2, dob: 3, postcode: 2 })]);
  await store.sql.query(`INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions) VALUES ($1, 'mv-test-1', '2026-04-01', 0.41, -2.1, $2)`,
    [people.jane, JSON.stringify({ school_exclusion: 1.4, age: 0.2 })]);
  await store.sql.query(`INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability, comparison) VALUES ($1, $2, $3, 9.5, 0.99, $4)`,
    [runId, janeSchool, janePolice, JSON.stringify({ given_name: 3, family_name: 3, dob: 3, postcode: 2 })]);
  const reviewItemId = await one(`INSERT INTO review_items (record_l, record_r, run_id, match_weight, match_probability) VALUES ($1, $2, $3, 1.5, 0.74) RETURNING id`,
    [tom, tomb, runId]);
  return {
    personId: people.jane, secondPersonId: people.tom, parentId: people.mark, objectingId: people.olivia,
    schoolRecordId: janeSchool, reviewItemId, southPersonId: people.sara,
  };
}
