/**
 * A small partnership for the web tests: two agencies (a school and the police), a dataset and an
 * agreement each, an ingest batch each with quarantined rows, the configured teams (early help north
 * and south), the demo accounts (the uploader acts for the school) and `practitioner-south`, a
 * practitioner of the other team.
 */
import type { Store } from '../../../src/store/index.ts';
import { upsertLocalAccount } from '../../../src/web/auth/accounts.ts';
import { seedDemoAccounts } from '../../../src/web/index.ts';
import { seedPeople, type PeopleFixtures } from './people-fixtures.ts';

export const PASSWORD = 'correct-horse-battery';

/** The school's mapping: a CSV of pupils (the uploads in the tests are loaded through it). */
export const schoolMapping = {
  dataset: 'school-census', agency: 'school-a', format: 'csv', options: { header: true },
  record: { local_id: 'UPN', identifiers: { upn: 'UPN', given_name: 'Forename', family_name: 'Surname', dob: { column: 'DOB', format: 'YYYY-MM-DD' } } },
};

export interface Fixtures extends Omit<PeopleFixtures, 'personId'> {
  ownAgency: string;
  otherAgency: string;
  ownBatch: number;
  otherBatch: number;
  ownDataset: string;
  otherDataset: string;
  ownTeam: string;
  otherTeam: string;
  personId: string;
}

export async function seedFixtures(store: Store): Promise<Fixtures> {
  await store.sql.exec(`
    INSERT INTO agencies (id, name, sector) VALUES ('school-a', 'Riverside Academy', 'education'), ('police-b', 'County Police', 'police');
    INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES
      ('school-census', 'school-a', 'csv', '${JSON.stringify(schoolMapping)}', 'aaaaaaaaaaaaaaaaaaaa'),
      ('police-custody', 'police-b', 'json', '{}', 'bbbbbbbbbbbbbbbbbbbb');
    INSERT INTO agreements (id, agency_id, dataset, allowed_fields, lawful_basis, purposes, retention_days, valid_from) VALUES
      ('dsa-school', 'school-a', 'school-census', '["UPN","Forename","Surname","DOB"]', 'public task', '["early_help","safeguarding","linkage_quality"]', 2555, '2020-01-01'),
      ('dsa-police', 'police-b', 'police-custody', '["pnc_id"]', 'law enforcement (Part 3 DPA 2018)', '["prevention"]', 2555, '2020-01-01');
  `);
  const batch = async (dataset: string, sha: string) => {
    const [row] = await store.sql.query<{ id: number | string }>(
      `INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status, rows_read, rows_loaded, rows_quarantined)
       VALUES ($1, $2, $3, 'complete', 10, 8, 2) RETURNING id`, [dataset, `${dataset}-2026-10.csv`, sha]);
    const id = Number(row!.id);
    await store.sql.query(
      `INSERT INTO quarantined_rows (batch_id, dataset_id, row_number, "column", code, message, raw) VALUES
        ($1, $2, 3, 'dob', 'DATE_INVALID', 'not a date', '=HYPERLINK("x")'), ($1, $2, 7, NULL, 'ROW_SHORT', 'too few columns', 'a,b')`,
      [id, dataset]);
    return id;
  };
  const ownBatch = await batch('school-census', 'a'.repeat(64));
  const otherBatch = await batch('police-custody', 'b'.repeat(64));
  const people = await seedPeople(store, { school: ownBatch, police: otherBatch });
  const { teamId } = await seedDemoAccounts(store, { password: PASSWORD, agencyId: 'school-a' });
  const [practitioner] = await store.sql.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'practitioner'`);
  await upsertLocalAccount(store, {
    username: 'practitioner-south', displayName: 'Priya South', role: 'practitioner', teamId: 'early-help-south', agencyId: null,
    passwordHash: practitioner!.password_hash,
  });
  return {
    ...people,
    ownAgency: 'school-a', otherAgency: 'police-b', ownBatch, otherBatch, ownDataset: 'school-census',
    otherDataset: 'police-custody', ownTeam: teamId, otherTeam: 'early-help-south', personId: people.personId,
  };
}
