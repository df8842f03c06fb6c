/** The ingest batch's row: started, completed with its counts, failed with its reason, found by file hash. */
import type { SqlClient } from '../../store/index.ts';
import type { LoadStats } from './load-stats.ts';

/** The batch that completed the load of this file into this dataset, if any. */
export async function findCompleteBatch(sql: SqlClient, datasetId: string, sha: string): Promise<number | null> {
  const [row] = await sql.query<{ id: string | number }>(
    `SELECT id FROM ingest_batches WHERE dataset_id = $1 AND file_sha256 = $2 AND status = 'complete'`, [datasetId, sha],
  );
  return row ? Number(row.id) : null;
}

/** Records a new batch as `loading` (committed on its own, so an interrupted load leaves a trace). */
export async function startBatch(sql: SqlClient, datasetId: string, fileName: string, sha: string): Promise<number> {
  const [row] = await sql.query<{ id: string | number }>(
    `INSERT INTO ingest_batches (dataset_id, file_name, file_sha256, status) VALUES ($1, $2, $3, 'loading') RETURNING id`,
    [datasetId, fileName, sha],
  );
  return Number(row!.id);
}

/** Marks earlier batches of the dataset still `loading` (a crash or a kill) as failed: none of their rows were kept. */
export async function supersedeInterrupted(sql: SqlClient, datasetId: string, batchId: number): Promise<void> {
  await sql.query(
    `UPDATE ingest_batches SET status = 'failed', finished_at = now(),
            error = 'interrupted before it completed (no row of it was kept); superseded by batch ' || $2::text
      WHERE dataset_id = $1 AND status = 'loading' AND id <> $2`,
    [datasetId, batchId],
  );
}

export async function completeBatch(sql: SqlClient, batchId: number, stats: LoadStats): Promise<void> {
  await sql.query(
    `UPDATE ingest_batches SET status = 'complete', finished_at = now(), rows_read = $2, rows_loaded = $3,
            rows_quarantined = $4, events_loaded = $5 WHERE id = $1`,
    [batchId, stats.rowsRead, stats.rowsLoaded, stats.rowsQuarantined, stats.eventsAdded],
  );
}

export async function failBatch(sql: SqlClient, batchId: number, error: string): Promise<void> {
  await sql.query(`UPDATE ingest_batches SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [batchId, error]);
}
