/**
 * A household for the rights, subject access and retention tests: a child and a parent, each a
 * person with records at several agencies, a contact record on the child's school record that
 * links to the parent, a family factor, scores, an objection, a dispute and audited views.
 * `parentOnly` lists strings that appear only in the parent's data: none may leak into the child's
 * subject access export.
 */
import type { Store } from '../../store/index.ts';
import { encryptSpecial, sealEventFields, type SpecialCategoryKey } from '../special-category/index.ts';

export interface Household {
  child: string;
  parent: string;
  childSchool: number;
  childNhs: number;
  contact: number;
  parentPolice: number;
  childEvents: number[];
  parentEvents: number[];
  parentOnly: string[];
  /** Strings that appear only in the child's casework (decisions, plans, re-identification). */
  childCasework: string[];
}

const one = async (store: Store, sql: string, params: unknown[] = []) =>
  Number((await store.sql.query<{ id: string | number }>(sql, params))[0]?.id);

/** Builds the household in an empty store; `loadedAt` dates every record's load (for retention). */
export async function buildHousehold(store: Store, key: SpecialCategoryKey, loadedAt = '2024-01-15T00:00:00Z'): Promise<Household> {
  await store.sql.exec(`
    INSERT INTO agencies (id, name, sector) VALUES ('school', 'Riverside Academy', 'education'),
      ('police', 'Shire Police', 'police'), ('nhs', 'Shire NHS Trust', 'health');
    INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES
      ('school-census', 'school', 'csv', '{}', 'h1'), ('police-custody', 'police', 'json', '{}', 'h2'),
      ('nhs-treatment', 'nhs', 'fhir', '{}', 'h3');
    INSERT INTO agreements (id, agency_id, dataset, allowed_fields, lawful_basis, purposes, retention_days, health_disclosure, valid_from)
    VALUES ('dsa-school', 'school', 'school-census', '["*"]', 'UK GDPR 6(1)(e)', '["early_help"]', 730, 'service_contact', '2020-01-01'),
      ('dsa-police', 'police', 'police-custody', '["*"]', 'UK GDPR 6(1)(e); DPA 2018 s.8', '["prevention"]', 365, 'service_contact', '2020-01-01'),
      ('dsa-nhs', 'nhs', 'nhs-treatment', '["*"]', 'UK GDPR 6(1)(e) and 9(2)(g)', '["early_help"]', 365, 'service_contact', '2020-01-01');
    INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status) VALUES
      ('school-census', 's.csv', 'a', 'complete'), ('police-custody', 'p.json', 'b', 'complete'), ('nhs-treatment', 'n.json', 'c', 'complete');
    INSERT INTO link_runs (kind, spec, spec_hash, threshold) VALUES ('full', '{}', 'x', 0.9);
    INSERT INTO persons (id) VALUES ('P-CHILD'), ('P-PARENT');
  `);
  const record = (dataset: string, agency: string, batch: number, localId: string, kind: string, fields: Record<string, unknown>) => one(store,
    `INSERT INTO source_records (dataset_id, agency_id, batch_id, local_id, kind, row_number, given_name, family_name, dob,
       postcode, nhs_number, pnc_id, raw, loaded_at)
     VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [dataset, agency, batch, localId, kind, fields.given ?? null, fields.family ?? null, fields.dob ?? null,
      fields.postcode ?? null, fields.nhs ?? null, fields.pnc ?? null, JSON.stringify(fields.raw ?? {}), loadedAt]);
  const childSchool = await record('school-census', 'school', 1, 'UPN-A100', 'subject', {
    given: 'jamie', family: 'smith', dob: '2010-03-04', postcode: 'AB1 2CD',
    raw: { Forename: 'Jamie', Surname: 'Smith', DOB: '04/03/2010', Postcode: 'AB1 2CD', ParentName: 'Dana Smith' },
  });
  const contact = await record('school-census', 'school', 1, 'UPN-A100-C1', 'contact', {
    given: 'dana', family: 'smith', dob: '1984-11-30', postcode: 'AB1 2CD',
    raw: { ParentName: 'Dana Smith', ParentDOB: '30/11/1984', ParentPhone: '07700 900123' },
  });
  const parentPolice = await record('police-custody', 'police', 2, 'CUST-7781', 'subject', {
    given: 'dana', family: 'smith', dob: '1984-11-30', pnc: '84/123456X', raw: { name: 'SMITH/DANA', pnc: '84/123456X' },
  });
  const childNhs = await record('nhs-treatment', 'nhs', 3, 'NHS-5', 'subject', {
    given: 'jamie', family: 'smith', dob: '2010-03-04', nhs: '9434765919', raw: { nhs: '9434765919', given: 'Jamie' },
  });
  await store.sql.query(
    `INSERT INTO relationships (dataset_id, batch_id, from_record_id, to_record_id, kind) VALUES ('school-census', 1, $1, $2, 'parent_of')`,
    [contact, childSchool]);
  const event = (recordId: number, dataset: string, batch: number, code: string, on: string, value: string | null, detail: unknown, special = false) =>
    one(store, `INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, value, detail, special_category)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [recordId, dataset, batch, code, on, value, detail === null ? null : JSON.stringify(detail), special]);
  const sealed = sealEventFields({ value: 'tier 3', detail: { service: 'young people’s substance service' } }, key);
  const childEvents = [
    await event(childSchool, 'school-census', 1, 'school.suspension', '2023-01-10', '3', null),
    await event(childNhs, 'nhs-treatment', 3, 'health.substance_misuse_treatment', '2023-05-02', sealed.value, sealed.detail, true),
  ];
  const parentEvents = [await event(parentPolice, 'police-custody', 2, 'police.caution', '2022-06-17', 'theft', { offence: 'shoplifting' })];
  await store.sql.query(
    `INSERT INTO person_records (source_record_id, person_id, match_probability, run_id) VALUES
      ($1, 'P-CHILD', 0.998, 1), ($2, 'P-CHILD', 0.93, 1), ($3, 'P-PARENT', 0.91, 1), ($4, 'P-PARENT', 0.97, 1)`,
    [childSchool, childNhs, contact, parentPolice]);
  await store.sql.query(
    `INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability) VALUES
      (1, $1, $2, 9.1, 0.998), (1, $3, $4, 6.2, 0.91), (1, $1, $3, 1.5, 0.74)`,
    [childSchool, childNhs, contact, parentPolice]);
  await store.sql.query(
    `INSERT INTO review_items (record_l, record_r, run_id, match_weight, match_probability, status) VALUES ($1, $2, 1, 1.5, 0.74, 'non_match')`,
    [childSchool, contact]);
  const evidence = (eventId: number, recordId: number, agency: string, dataset: string, code: string, on: string, via?: string) => ({
    eventId, sourceRecordId: recordId, agencyId: agency, datasetId: dataset, code, occurredOn: on,
    ...(via ? { via, relations: ['parent_of'] } : {}),
  });
  await store.sql.query(
    `INSERT INTO factor_instances (person_id, factor, as_of, first_seen, last_seen, evidence) VALUES
      ('P-CHILD', 'school_exclusion', '2024-03-31', '2023-01-10', '2023-01-10', $1),
      ('P-CHILD', 'offending_parent', '2024-03-31', '2022-06-17', '2022-06-17', $2),
      ('P-CHILD', 'substance_misuse', '2024-03-31', '2023-05-02', '2023-05-02', $3),
      ('P-PARENT', 'offending', '2024-03-31', '2022-06-17', '2022-06-17', $4)`,
    [JSON.stringify([evidence(childEvents[0] as number, childSchool, 'school', 'school-census', 'school.suspension', '2023-01-10')]),
      JSON.stringify([evidence(parentEvents[0] as number, parentPolice, 'police', 'police-custody', 'police.caution', '2022-06-17', 'P-PARENT')]),
      JSON.stringify([evidence(childEvents[1] as number, childNhs, 'nhs', 'nhs-treatment', 'health.substance_misuse_treatment', '2023-05-02')]),
      JSON.stringify([evidence(parentEvents[0] as number, parentPolice, 'police', 'police-custody', 'police.caution', '2022-06-17')])]);
  await store.sql.exec(`
    INSERT INTO model_versions (id, status, training_fingerprint, features, model, evaluation, fairness, card, approved_by, approved_at, justification)
    VALUES ('gam-2024-03', 'approved', 'fp', '["school_exclusion","offending_parent","substance_misuse"]', '{}',
      '{"auc":0.71}', '{"groups":[]}', 'card', 'dpo', '2024-03-20T00:00:00Z', 'reviewed');
    INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions) VALUES
      ('P-CHILD', 'gam-2024-03', '2024-03-31', 0.31, -2.4, '{"school_exclusion":0.8,"offending_parent":0.6,"substance_misuse":0.7}'),
      ('P-PARENT', 'gam-2024-03', '2024-03-31', 0.12, -2.4, '{"offending":0.4}');
  `);
  await store.sql.query(`INSERT INTO objections (person_id, reason, recorded_by) VALUES ('P-PARENT', 'parent objects by letter', 'dpo')`);
  await store.sql.query(`INSERT INTO disputes (source_record_id, reason, raised_by) VALUES ($1, 'Jamie says the suspension was withdrawn', 'dpo')`, [childSchool]);
  await store.sql.query(`UPDATE source_records SET disputed = true WHERE id = $1`, [childSchool]);
  await store.sql.query(
    `INSERT INTO audit_log (seq, at, actor, role, action, subject_ref, purpose, details, prev_hash, hash) VALUES
      (1, '2024-04-02T09:30:00Z', 'practitioner-ann', 'practitioner', 'person.view', 'P-CHILD', 'early_help', '{}', 'g', 'h1'),
      (2, '2024-04-03T11:00:00Z', 'officer-bob', 'practitioner', 'person.view', 'P-PARENT', 'prevention', '{}', 'h1', 'h2')`);
  await buildCasework(store, key, childSchool, parentPolice);
  return {
    child: 'P-CHILD', parent: 'P-PARENT', childSchool, childNhs, contact, parentPolice, childEvents, parentEvents,
    parentOnly: ['P-PARENT', 'Dana', 'dana', '1984-11-30', '30/11/1984', '07700 900123', '84/123456X', 'CUST-7781',
      'UPN-A100-C1', 'police.caution', '2022-06-17', 'shoplifting', 'theft', 'officer-bob', 'parent objects by letter', 'offending"',
      'West Family Team', 'supervisor-pat', 'known to probation already', 'declined by phone', 'parenting-course',
      'attend six sessions', 'stopped attending', 'check custody link', 'probation-liaison'],
    childCasework: ['East Early Help', 'supervisor-sue', 'school and health together', 'mentoring', 'back in full-time school',
      'met mentor twice', 'practitioner-ann-reid', 'to arrange a school meeting', 'school-uploader'],
  };
}

/** Allocations, decisions, consents, support plans with outcomes and re-identification requests for both. */
async function buildCasework(store: Store, key: SpecialCategoryKey, childSchool: number, parentPolice: number): Promise<void> {
  await store.sql.exec(`
    INSERT INTO teams (id, name) VALUES ('team-east', 'East Early Help'), ('team-west', 'West Family Team');
    INSERT INTO allocations (person_id, team_id, allocated_by, allocated_at) VALUES
      ('P-CHILD', 'team-east', 'supervisor-sue', '2024-04-03T10:00:00Z'), ('P-PARENT', 'team-west', 'supervisor-pat', '2024-04-04T10:00:00Z');
    INSERT INTO decisions (person_id, kind, reason, model_version_id, as_of, probability, team_id, decided_by, decided_at) VALUES
      ('P-CHILD', 'offer_support', 'school and health together', 'gam-2024-03', '2024-03-31', 0.31, 'team-east', 'practitioner-ann', '2024-04-05T10:00:00Z'),
      ('P-PARENT', 'no_action', 'known to probation already', 'gam-2024-03', '2024-03-31', 0.12, 'team-west', 'supervisor-pat', '2024-04-05T11:00:00Z');
    INSERT INTO consents (person_id, status, given_by, note, recorded_by, recorded_at) VALUES
      ('P-CHILD', 'given', 'parent_carer', NULL, 'practitioner-ann', '2024-04-06T10:00:00Z'),
      ('P-PARENT', 'refused', 'young_person', 'declined by phone', 'supervisor-pat', '2024-04-06T11:00:00Z');
  `);
  const plan = async (person: string, worker: string, offer: string, goal: string, outcome: string, note: string) => {
    const id = await one(store, `INSERT INTO support_plans (person_id, offer_id, goal, status, created_by, created_at)
      VALUES ($1, $2, $3, 'active', $4, '2024-04-07T10:00:00Z') RETURNING id`, [person, offer, goal, worker]);
    await store.sql.query(`INSERT INTO support_outcomes (plan_id, outcome, note, recorded_by, recorded_at)
      VALUES ($1, $2, $3, $4, '2024-05-07T10:00:00Z')`, [id, outcome, note, worker]);
  };
  await plan('P-CHILD', 'practitioner-ann', 'mentoring', 'back in full-time school', 'engaged', 'met mentor twice');
  await plan('P-PARENT', 'supervisor-pat', 'parenting-course', 'attend six sessions', 'disengaged', 'stopped attending');
  const answer = encryptSpecial(JSON.stringify({ localId: 'UPN-A100', givenName: 'Jamie', familyName: 'Smith', dob: '2010-03-04' }), key);
  await store.sql.query(
    `INSERT INTO reidentification_requests (person_id, source_record_id, agency_id, purpose, reason, status, requested_by,
       requested_at, answered_by, answered_at, answer_sealed) VALUES
      ('P-CHILD', $1, 'school', 'early_help', 'to arrange a school meeting', 'answered', 'practitioner-ann-reid',
       '2024-04-08T10:00:00Z', 'school-uploader', '2024-04-08T12:00:00Z', $2),
      ('P-PARENT', $3, 'police', 'prevention', 'check custody link', 'pending', 'probation-liaison', '2024-04-08T10:00:00Z', NULL, NULL, NULL)`,
    [childSchool, answer, parentPolice]);
}
