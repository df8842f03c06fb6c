/** Loading fixtures into a store in tests: the fixture partnership, a dataset's plan, counts read back. */
import { readFileSync } from 'node:fs';
import { loadPartnership, parsePartnership } from '../../../src/governance/partnership-loader.ts';
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
