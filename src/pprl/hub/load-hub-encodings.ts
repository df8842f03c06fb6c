/**
 * Hub-only mode, step one at the hub: an agency's CLK file (from `pprl encode`, made on its own
 * premises) is attached to the agency's source records by its own record id, as an ingest batch
 * of its own. The agency's events come separately, through `tributary ingest`, under a mapping
 * and an agreement that name no identifier; a record with an encoding and no events yet is
 * created bare (local id and encoding only), so that linkage sees it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Store } from '../../store/index.ts';
import { readEncodedFile } from '../clk-file.ts';
import { HubError } from './hub-error.ts';

export interface LoadHubEncodingsResult {
  datasetId: string;
  batchId: number;
  /** `already-loaded` when the same file was attached to the dataset before (nothing changed). */
  status: 'loaded' | 'already-loaded';
  /** Records that had arrived with their events and now carry an encoding. */
  attached: number;
  /** Records created from the encoding alone (no events yet). */
  created: number;
  /** The dataset's records without an encoding: they cannot be linked until one arrives. */
  withoutEncoding: number;
}

interface HubMapping { record?: { local_id?: string; identifiers?: object; extra_ids?: Record<string, string> }; contacts?: unknown[] }
interface DatasetRow { agency_id: string; mapping: HubMapping | string }

/**
 * The one extra id a hub-only mapping may name: `agency_ref`, the agency's own record reference
 * (the same column as `local_id`). Ingest refuses a row with no identifier at all; the reference
 * the CLK file is keyed by is what lets an events-only row through, and it tells the hub nothing
 * the local id does not.
 */
export const AGENCY_REF = 'agency_ref';

/** Refuses a dataset whose mapping reads any identifier: hub-only datasets carry events only. */
async function hubDataset(store: Store, datasetId: string): Promise<string> {
  const [row] = await store.sql.query<DatasetRow>('SELECT agency_id, mapping FROM datasets WHERE id = $1', [datasetId]);
  if (!row) {
    throw new HubError('TRB_PPRL_HUB_NO_DATASET',
      `no dataset ${datasetId}: load the agency's events-only extract first (tributary ingest), or check the dataset id`);
  }
  const mapping = typeof row.mapping === 'string' ? JSON.parse(row.mapping) as HubMapping : row.mapping;
  const extra = Object.entries(mapping.record?.extra_ids ?? {})
    .filter(([name, column]) => !(name === AGENCY_REF && column === mapping.record?.local_id));
  const named = [...Object.keys(mapping.record?.identifiers ?? {}), ...extra.map(([name]) => name)];
  if (named.length > 0 || (mapping.contacts?.length ?? 0) > 0) {
    const what = named.length > 0 ? `the identifiers ${named.join(', ')}` : 'contacts (with their identifiers)';
    throw new HubError('TRB_PPRL_HUB_IDENTIFIERS',
      `dataset ${datasetId} maps ${what}: hub-only mode takes datasets whose mapping names no identifier. `
      + `Give the agency a mapping with \`identifiers: {}\`, no extra_ids but \`${AGENCY_REF}\` (its local id column) and no contacts, under an agreement that allows no identifier.`);
  }
  return row.agency_id;
}

const CHUNK = 5000;

/**
 * Attaches the encodings in `path` to dataset `datasetId`'s records.
 * @example await loadHubEncodings(store, 'school-census', 'school.clk.ndjson');
 */
export async function loadHubEncodings(store: Store, datasetId: string, path: string): Promise<LoadHubEncodingsResult> {
  const agencyId = await hubDataset(store, datasetId);
  const sha = createHash('sha256').update(await readFile(path)).digest('hex');
  const source = await readEncodedFile(path);
  const counts = async () => {
    const [row] = await store.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM source_records WHERE dataset_id = $1 AND clk IS NULL', [datasetId]);
    return row?.n ?? 0;
  };
  const [earlier] = await store.sql.query<{ id: string | number }>(
    `SELECT id FROM ingest_batches WHERE dataset_id = $1 AND file_sha256 = $2 AND status = 'complete'`, [datasetId, sha]);
  if (earlier) return { datasetId, batchId: Number(earlier.id), status: 'already-loaded', attached: 0, created: 0, withoutEncoding: await counts() };
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tributary.ingest.${datasetId}`]);
    const [batch] = await tx.query<{ id: string | number }>(
      `INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status, rows_read, rows_loaded, finished_at)
       VALUES ($1, $2, $3, 'complete', $4, $4, now()) RETURNING id`, [datasetId, basename(path), sha, source.records.length]);
    const batchId = Number(batch!.id);
    let attached = 0;
    let created = 0;
    for (let start = 0; start < source.records.length; start += CHUNK) {
      const rows = source.records.slice(start, start + CHUNK).map((r, k) => ({
        id: r.id, n: start + k + 1, clk: Buffer.from(r.clk).toString('base64'), keys: r.keys,
      }));
      const written = await tx.query<{ inserted: boolean }>(
        `INSERT INTO source_records (dataset_id, agency_id, batch_id, local_id, kind, row_number, raw, clk, blocking_keys)
         SELECT $1, $2, $3, x.id, 'subject', x.n, '{}'::jsonb, x.clk, x.keys
         FROM jsonb_to_recordset($4::jsonb) AS x(id text, n int, clk text, keys jsonb)
         ON CONFLICT (dataset_id, kind, local_id) DO UPDATE
           SET clk = excluded.clk, blocking_keys = excluded.blocking_keys, loaded_at = now()
         RETURNING (xmax = 0) AS inserted`, [datasetId, agencyId, batchId, JSON.stringify(rows)]);
      for (const row of written) if (row.inserted) created++; else attached++;
    }
    const [left] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM source_records WHERE dataset_id = $1 AND clk IS NULL', [datasetId]);
    return { datasetId, batchId, status: 'loaded' as const, attached, created, withoutEncoding: left?.n ?? 0 };
  });
}
