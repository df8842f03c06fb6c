/**
 * What the Data section shows: agencies, datasets, agreements, ingest batches (loaded and
 * quarantined counts) and uploads. Scoped to one agency for an uploader, who then sees only that
 * agency's uploads and batches.
 */
import type { Store } from '../../store/index.ts';
import type { DataOverview } from './data-schemas.ts';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const list = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as string[];

/** The overview for the whole partnership (`agencyId` undefined) or for one agency. */
export async function loadDataOverview(store: Store, agencyId?: string | null): Promise<DataOverview> {
  const scoped = agencyId !== undefined;
  const only = (column: string) => (scoped ? `WHERE ${column} = $1` : '');
  const params = scoped ? [agencyId] : [];
  const query = (sql: string) => store.sql.query<Record<string, unknown>>(sql, params);
  const [agencies, datasets, agreements, batches, uploads] = await Promise.all([
    scoped ? [] : query('SELECT id, name, sector FROM agencies ORDER BY name'),
    scoped ? [] : query('SELECT id, agency_id, format, mapping_hash, updated_at FROM datasets ORDER BY id'),
    scoped ? [] : query(`SELECT id, agency_id, dataset, lawful_basis, purposes, retention_days, valid_from::text AS valid_from,
      valid_to::text AS valid_to, active FROM agreements ORDER BY id`),
    query(`SELECT b.*, d.agency_id FROM ingest_batches b JOIN datasets d ON d.id = b.dataset_id ${only('d.agency_id')}
      ORDER BY b.id DESC LIMIT 200`),
    query(`SELECT up.*, u.username FROM uploads up JOIN users u ON u.id = up.user_id ${only('up.agency_id')}
      ORDER BY up.id DESC LIMIT 200`),
  ]);
  return {
    scope: scoped ? 'own_agency' : 'partnership',
    agencies: agencies.map((r) => ({ id: String(r.id), name: String(r.name), sector: String(r.sector) })),
    datasets: datasets.map((r) => ({
      id: String(r.id), agencyId: String(r.agency_id), format: String(r.format), mappingHash: String(r.mapping_hash),
      updatedAt: iso(r.updated_at)!,
    })),
    agreements: agreements.map((r) => ({
      id: String(r.id), agencyId: String(r.agency_id), dataset: String(r.dataset), lawfulBasis: String(r.lawful_basis),
      purposes: list(r.purposes), retentionDays: Number(r.retention_days), validFrom: String(r.valid_from),
      validTo: (r.valid_to as string | null) ?? null, active: r.active === true,
    })),
    batches: batches.map((r) => ({
      id: Number(r.id), datasetId: String(r.dataset_id), agencyId: String(r.agency_id), fileName: String(r.file_name),
      status: String(r.status), rowsRead: Number(r.rows_read), rowsLoaded: Number(r.rows_loaded),
      rowsQuarantined: Number(r.rows_quarantined), eventsLoaded: Number(r.events_loaded),
      startedAt: iso(r.started_at)!, finishedAt: iso(r.finished_at),
    })),
    uploads: uploads.map((r) => ({
      id: Number(r.id), agencyId: String(r.agency_id), datasetId: String(r.dataset_id), fileName: String(r.file_name),
      sizeBytes: Number(r.size_bytes), status: r.status as 'received' | 'ingested' | 'failed',
      batchId: r.batch_id === null ? null : Number(r.batch_id), message: (r.message as string | null) ?? null,
      uploadedBy: String(r.username), receivedAt: iso(r.received_at)!,
    })),
  };
}
