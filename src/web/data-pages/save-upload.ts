/**
 * Saving an uploaded extract: the file goes under `<dataDir>/uploads/<agency>/` with a name made of
 * the time and its hash (never the original name, which stays in the table), is recorded in
 * `uploads`, audited, and handed to the ingest stage, which loads it as an ingest batch.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';
import { ingestUpload, type HandOffResult } from './ingest-handoff.ts';
import type { UploadedFile } from './multipart.ts';

export const ALLOWED_EXTENSIONS = ['.csv', '.json', '.ndjson', '.xml', '.txt', '.dat', '.parquet'];

export async function saveUpload(
  store: Store, dataDir: string, uploader: Principal & { agencyId: string }, datasetId: string, file: UploadedFile,
): Promise<{ id: number } & HandOffResult> {
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const extension = extname(file.fileName).toLowerCase();
  const folder = join(dataDir, 'uploads', uploader.agencyId);
  const storedPath = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${sha256.slice(0, 16)}${extension}`);
  await mkdir(folder, { recursive: true });
  await writeFile(storedPath, file.data, { mode: 0o600 });
  const [row] = await store.sql.query<{ id: string | number }>(
    `INSERT INTO uploads (agency_id, dataset_id, user_id, file_name, file_sha256, size_bytes, stored_path, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'received') RETURNING id`,
    [uploader.agencyId, datasetId, uploader.userId, file.fileName.slice(0, 200), sha256, file.data.length, storedPath],
  );
  const id = Number(row!.id);
  await appendAudit(store, {
    actor: uploader.username, role: uploader.role, action: 'upload.received', subjectRef: `upload:${id}`,
    details: { dataset: datasetId, bytes: file.data.length, sha256 },
  });
  const result = await ingestUpload(store, { id, datasetId, storedPath, fileName: file.fileName });
  await store.sql.query('UPDATE uploads SET status = $2, batch_id = $3, message = $4 WHERE id = $1',
    [id, result.status, result.batchId, result.message]);
  return { id, ...result };
}
