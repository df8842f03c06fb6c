/** Loading fixtures into a store in tests: the fixture partnership, a dataset's plan, counts read back. */
import { readFileSync } from 'node:fs';
import { loadPartnership, parsePartnership } from '../../../src/governance/partnership-loader.ts';
import { openEventFields } from '../../../src/governance/special-category/sealed-event-fields.ts';
import { loadFile, prepareDataset, type DatasetPlan, type FileOutcome, type LoadOptions } from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { fixture, fixtureConfig } from './fixtures.ts';

export const LOAD_DATE = '2024-06-01';

/** The key that seals the fixtures' health events (a real deployment reads TRIBUTARY_HEALTH_KEY). */
export const TEST_HEALTH_KEY = Buffer.alloc(32, 7);

/** Loads the fixture partnership (agencies and agreements) into the store. */
export async function loadFixturePartnership(store: Store, edit: (yaml: string) => string = (y) => y): Promise<void> {
  const parsed = parsePartnership(edit(readFileSync(fixture('config/partnership.yaml'), 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  await loadPartnership(store, parsed.config);
}

/** The plan of a fixture dataset, or an error naming why it was refused. */
export async function planFor(store: Store, dataset: string, loadDate = LOAD_DATE, configDir = fixtureConfig): Promise<DatasetPlan> {
  const prepared = await prepareDataset(store, configDir, dataset, loadDate, { specialCategoryKey: TEST_HEALTH_KEY });
  if (!prepared.ok) throw new Error(`${prepared.code}: ${JSON.stringify(prepared.problems)}`);
  return prepared.plan;
}

/** Prepares the dataset and loads one file into it. */
export async function ingestFixture(store: Store, dataset: string, path: string, options: LoadOptions = {}): Promise<FileOutcome> {
  return loadFile(store, await planFor(store, dataset), path.startsWith('/') ? path : fixture(path), options);
}

export interface StoreCounts { records: number; subjects: number; contacts: number; events: number; relationships: number; quarantined: number }

/** What the store holds for a dataset (or for one batch of it). */
export async function countsOf(store: Store, dataset: string, batchId?: number): Promise<StoreCounts> {
  const batch = batchId === undefined ? '' : ` AND batch_id = ${Number(batchId)}`;
  const one = async (sql: string): Promise<number> => Number((await store.sql.query<{ n: number }>(sql, [dataset]))[0]!.n);
  return {
    records: await one(`SELECT count(*)::int AS n FROM source_records WHERE dataset_id = $1${batch}`),
    subjects: await one(`SELECT count(*)::int AS n FROM source_records WHERE dataset_id = $1 AND kind = 'subject'${batch}`),
    contacts: await one(`SELECT count(*)::int AS n FROM source_records WHERE dataset_id = $1 AND kind = 'contact'${batch}`),
    events: await one(`SELECT count(*)::int AS n FROM events WHERE dataset_id = $1${batch}`),
    relationships: await one(`SELECT count(*)::int AS n FROM relationships WHERE dataset_id = $1${batch}`),
    quarantined: await one(`SELECT count(*)::int AS n FROM quarantined_rows WHERE dataset_id = $1${batch}`),
  };
}

/** The batch rows of a dataset, oldest first. */
export async function batchesOf(store: Store, dataset: string): Promise<{ id: number; status: string; rows_read: number; rows_loaded: number; rows_quarantined: number; events_loaded: number; error: string | null }[]> {
  const rows = await store.sql.query<{ id: string | number; status: string; rows_read: number; rows_loaded: number; rows_quarantined: number; events_loaded: number; error: string | null }>(
    `SELECT id, status, rows_read, rows_loaded, rows_quarantined, events_loaded, error FROM ingest_batches WHERE dataset_id = $1 ORDER BY id`, [dataset],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Narrows an outcome to a loaded one, failing the test with the outcome otherwise. */
export function loaded(outcome: FileOutcome): Extract<FileOutcome, { status: 'loaded' }> {
  if (outcome.status !== 'loaded') throw new Error(`expected the file to load: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Everything the store holds of the loaded rows, without the ids and times that differ between two loads (health events opened). */
export async function holdings(store: Store): Promise<unknown> {
  const records = await store.sql.query<Record<string, unknown>>(`
    SELECT dataset_id, agency_id, kind, local_id, row_number, given_name, middle_names, family_name, former_family_names, dob::text,
           sex, postcode, address, nhs_number, upn, ni_number, pnc_id, extra_ids, attributes, raw
    FROM source_records ORDER BY dataset_id, kind, local_id`);
  const events = await store.sql.query<{ dataset_id: string; local_id: string; code: string; occurred_on: string; value: string | null; detail: unknown; special_category: boolean }>(`
    SELECT e.dataset_id, r.local_id, e.code, e.occurred_on::text, e.value, e.detail, e.special_category
    FROM events e JOIN source_records r ON r.id = e.source_record_id`);
  const opened = events.map((e) => (e.special_category ? { ...e, ...openEventFields(e, TEST_HEALTH_KEY) } : e))
    .map((e) => JSON.stringify(e)).sort();
  const relationships = await store.sql.query(`
    SELECT rel.dataset_id, f.local_id AS from_id, t.local_id AS to_id, rel.kind
    FROM relationships rel JOIN source_records f ON f.id = rel.from_record_id JOIN source_records t ON t.id = rel.to_record_id ORDER BY 1, 2, 3`);
  const quarantined = await store.sql.query(`SELECT dataset_id, row_number, "column", code, message, raw FROM quarantined_rows ORDER BY 1, 2`);
  const batches = await store.sql.query(`
    SELECT dataset_id, status, rows_read, rows_loaded, rows_quarantined, events_loaded FROM ingest_batches ORDER BY dataset_id, id`);
  return { records, events: opened, relationships, quarantined, batches };
}

/** Empties what loads write (records, events, relationships, quarantined rows and batches). */
export async function emptyIngestTables(store: Store): Promise<void> {
  await store.sql.exec('TRUNCATE source_records, events, relationships, quarantined_rows, ingest_batches CASCADE');
}
