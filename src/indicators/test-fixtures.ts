/**
 * Small builders for store-level tests of the indicators stage: agencies, datasets and batches are
 * made on first use; persons come with a linked subject record; contacts and relationships are
 * recorded as the ingest and link stages would.
 */
import type { Store } from '../store/index.ts';
import type { EventCode, RelationshipKind } from '../ingest/mapping-schema.ts';

export interface RecordOptions {
  dataset?: string;
  kind?: 'subject' | 'contact';
  dob?: string | null;
  sex?: string | null;
  attributes?: Record<string, string>;
  disputed?: boolean;
  batchId?: number;
}

export interface EventOptions {
  recordedOn?: string;
  value?: string;
  detail?: Record<string, string>;
  batchId?: number;
}

/** Empties every table the indicators stage reads or writes. */
export async function resetStore(store: Store): Promise<void> {
  // source_records, events and record_links named too: no foreign key leads a cascade to them (migrations 0008, 0009, 0010).
  await store.sql.exec('TRUNCATE agencies, source_records, events, record_links, persons, link_runs, factor_instances RESTART IDENTITY CASCADE');
}

/** Builders over one store; call `resetStore` and make new fixtures between independent cases. */
export function fixtures(store: Store) {
  const batches = new Map<string, number>();
  let runId: number | undefined;
  let serial = 0;
  const one = async <T>(sql: string, params: unknown[]) => (await store.sql.query<T>(sql, params))[0] as T;

  /** A batch of `dataset` (made, with its agency, on first use) started at `startedAt`. */
  async function batch(dataset: string, startedAt = '2000-01-01T00:00:00Z'): Promise<number> {
    await store.sql.query(`INSERT INTO agencies (id, name, sector) VALUES ($1, $1, 'other') ON CONFLICT DO NOTHING`, [dataset]);
    await store.sql.query(
      `INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES ($1, $1, 'csv', '{}', 'x') ON CONFLICT DO NOTHING`,
      [dataset],
    );
    const row = await one<{ id: number }>(
      `INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status, started_at)
       VALUES ($1, 'test.csv', $2, 'loading', $3) RETURNING id`, [dataset, `sha-${++serial}`, startedAt]);
    return Number(row.id);
  }
  const defaultBatch = async (dataset: string) => {
    if (!batches.has(dataset)) batches.set(dataset, await batch(dataset));
    return batches.get(dataset) as number;
  };
  const datasetOf = async (recordId: number) =>
    (await one<{ dataset_id: string }>('SELECT dataset_id FROM source_records WHERE id = $1', [recordId])).dataset_id;

  async function link(recordId: number, personId: string): Promise<void> {
    runId ??= Number((await one<{ id: number }>(`INSERT INTO link_runs (kind, spec, spec_hash, threshold) VALUES ('full', '{}', 'x', 0.9) RETURNING id`, [])).id);
    await store.sql.query(`INSERT INTO persons (id) VALUES ($1) ON CONFLICT DO NOTHING`, [personId]);
    await store.sql.query(`INSERT INTO person_records (source_record_id, person_id, run_id) VALUES ($1, $2, $3)`, [recordId, personId, runId]);
  }

  /** A source record, linked to `personId` unless that is null. */
  async function record(personId: string | null, options: RecordOptions = {}): Promise<number> {
    const dataset = options.dataset ?? 'school';
    const batchId = options.batchId ?? await defaultBatch(dataset);
    const row = await one<{ id: number }>(
      `INSERT INTO source_records (dataset_id, agency_id, batch_id, local_id, kind, row_number, dob, sex, attributes, raw, disputed)
       VALUES ($1, $1, $2, $3, $4, 1, $5, $6, $7, '{}', $8) RETURNING id`,
      [dataset, batchId, `r${++serial}`, options.kind ?? 'subject', options.dob === undefined ? '2010-01-01' : options.dob,
        options.sex ?? null, options.attributes ? JSON.stringify(options.attributes) : null, options.disputed ?? false]);
    const id = Number(row.id);
    if (personId) await link(id, personId);
    return id;
  }

  /** A person with one subject record; returns both ids. */
  async function person(personId: string, options: RecordOptions = {}) {
    return { personId, recordId: await record(personId, options) };
  }

  /** An event on a record, in the record's dataset (and its batch unless one is given). */
  async function event(recordId: number, code: EventCode, occurredOn: string, options: EventOptions = {}): Promise<number> {
    const dataset = await datasetOf(recordId);
    const row = await one<{ id: number }>(
      `INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, recorded_on, value, detail, special_category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [recordId, dataset, options.batchId ?? await defaultBatch(dataset), code, occurredOn, options.recordedOn ?? null,
        options.value ?? null, options.detail ? JSON.stringify(options.detail) : null, code.startsWith('health.')]);
    return Number(row.id);
  }

  /** A relationship: `fromRecord` is the `kind` (parent, carer, sibling, member) of `toRecord`. */
  async function relate(fromRecord: number, toRecord: number, kind: RelationshipKind, options: { batchId?: number } = {}) {
    const dataset = await datasetOf(toRecord);
    await store.sql.query(
      `INSERT INTO relationships (dataset_id, batch_id, from_record_id, to_record_id, kind) VALUES ($1, $2, $3, $4, $5)`,
      [dataset, options.batchId ?? await defaultBatch(dataset), fromRecord, toRecord, kind]);
  }

  /**
   * A contact recorded on `childRecord` (as a school names a parent), linked to `relativeId`
   * (unless null) and related to the child as `kind`; returns the contact record's id.
   */
  async function contact(childRecord: number, relativeId: string | null, kind: RelationshipKind, options: RecordOptions = {}) {
    const contactId = await record(relativeId, { dob: '1985-01-01', ...options, dataset: await datasetOf(childRecord), kind: 'contact' });
    await relate(contactId, childRecord, kind, { batchId: options.batchId });
    return contactId;
  }

  async function dispute(recordId: number, status: 'open' | 'upheld' | 'rejected' = 'open') {
    await store.sql.query(`INSERT INTO disputes (source_record_id, status, reason, raised_by) VALUES ($1, $2, 'test', 'test')`, [recordId, status]);
  }

  async function object(personId: string, status: 'active' | 'withdrawn' = 'active') {
    await store.sql.query(`INSERT INTO objections (person_id, status, reason, recorded_by) VALUES ($1, $2, 'test', 'test')`, [personId, status]);
  }

  return { batch, record, person, event, relate, contact, link, dispute, object };
}

export type Fixtures = ReturnType<typeof fixtures>;

/** The stored factor instances of a date, as `person → sorted factor ids`. */
export async function storedFactors(store: Store, asOf: string): Promise<Record<string, string[]>> {
  const rows = await store.sql.query<{ person_id: string; factors: string[] }>(
    `SELECT person_id, array_agg(factor ORDER BY factor) AS factors FROM factor_instances
     WHERE as_of = $1::date GROUP BY person_id ORDER BY person_id`, [asOf]);
  return Object.fromEntries(rows.map((r) => [r.person_id, r.factors]));
}

/** The evidence stored for one person's factor on a date (empty when the factor is absent). */
export async function storedEvidence(store: Store, asOf: string, personId: string, factor: string) {
  const rows = await store.sql.query<{ evidence: Array<Record<string, unknown>> }>(
    `SELECT evidence FROM factor_instances WHERE as_of = $1::date AND person_id = $2 AND factor = $3`, [asOf, personId, factor]);
  return rows[0]?.evidence ?? [];
}
