/**
 * Loads one file as one ingest batch. The batch is recorded (`loading`) first; then every row is
 * written in one transaction that ends by marking the batch `complete`, so a crash, a kill or a bad
 * file leaves nothing of the file behind (the batch stays `loading`, or is marked `failed` with
 * the reason) and a re-run loads it whole. A file already loaded into the dataset (same SHA-256)
 * is not loaded again.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Store } from '../../store/index.ts';
import type { ColumnPolicy } from '../agreement/column-policy.ts';
import { adapters } from '../adapters/index.ts';
import type { Adapter } from '../core/adapter.ts';
import { IngestFileError } from '../core/file-error.ts';
import type { IngestErrorCode } from '../error-codes.ts';
import type { Mapping } from '../mapping-schema.ts';
import { sha256File } from './file-hash.ts';
import { emptyStats, type LoadStats } from './load-stats.ts';
import { completeBatch, failBatch, findCompleteBatch, startBatch, supersedeInterrupted } from './batch-rows.ts';
import { threadedChunks, threadPays } from './chunk-thread.ts';
import { preparedChunks, type ChunkSupply } from './prepared-chunks.ts';
import { recordIds } from './record-ids.ts';
import { writePipeline } from './write-pipeline.ts';
import { createStaging, writePrepared } from './write-chunk.ts';

export interface DatasetPlan {
  readonly mapping: Mapping;
  readonly policy: ColumnPolicy;
  /** The key that seals the dataset's special category (health) events; null when its mapping gives none. */
  readonly specialCategoryKey: SpecialCategoryKey | null;
}

export interface LoadProgress { readonly bytesRead: number; readonly bytesTotal: number; readonly rowsRead: number }

export interface LoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Rows per write (default 5,000). */
  readonly chunkRows?: number;
  /**
   * Write chunks of records new to the dataset straight into the tables (default true); false sends
   * every chunk through the staging tables, as when no run of ids could be drawn for it.
   */
  readonly direct?: boolean;
  /** Reads the file in place of the format's adapter (tests inject failures through it); the file is then read in the loading thread. */
  readonly readItems?: Adapter;
  /**
   * Read, map and prepare the file in a worker thread while the loading thread writes (`chunk-thread.ts`).
   * Default: where the worker has a core of its own and the file is large enough to win back its start (`threadPays`).
   */
  readonly thread?: boolean;
}

/** Whether the file is read, mapped and prepared in the loading thread itself. */
const inThread = (options: LoadOptions, engine: Store['kind'], bytes: number): boolean =>
  options.readItems !== undefined || !(options.thread ?? threadPays({ engine, bytes, cores: availableParallelism() }));

export type FileOutcome =
  | { readonly status: 'loaded'; readonly file: string; readonly batchId: number; readonly stats: LoadStats; readonly seconds: number }
  | { readonly status: 'already-loaded'; readonly file: string; readonly batchId: number; readonly seconds: number }
  | { readonly status: 'failed'; readonly file: string; readonly batchId: number | null; readonly code: IngestErrorCode; readonly message: string; readonly seconds: number };

/** Loads `path` into the plan's dataset. Expected failures (a bad file) come back as a `failed` outcome. */
export async function loadFile(store: Store, plan: DatasetPlan, path: string, options: LoadOptions = {}): Promise<FileOutcome> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const file = basename(path);
  const datasetId = plan.mapping.dataset;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) {
    return { status: 'failed', file, batchId: null, code: 'INGEST_FILE_NOT_FOUND', message: `${path}: no such file; check the path`, seconds: seconds() };
  }
  const bytesTotal = info.size;
  const sha = await sha256File(path);
  const earlier = await findCompleteBatch(store.sql, datasetId, sha);
  if (earlier !== null) return { status: 'already-loaded', file, batchId: earlier, seconds: seconds() };
  const batchId = await startBatch(store.sql, datasetId, file, sha);
  const stats = emptyStats();
  try {
    const outcome = await store.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tributary.ingest.${datasetId}`]);
      // the chunk statements are cheap but, on fresh tables without statistics, look costly enough to JIT-compile each time
      await tx.query('SET LOCAL jit = off');
      const raced = await findCompleteBatch(tx, datasetId, sha);
      if (raced !== null) return raced;
      await supersedeInterrupted(tx, datasetId, batchId);
      await createStaging(tx);
      // under the lock no other load adds records to the dataset: while it held none, chunks of new keys need no upsert
      // (asked of the dataset's batches first; no index leads with the dataset since migration 0012, so the records
      // themselves are scanned only while no complete batch has loaded any, that is on the dataset's first load)
      const [held] = await tx.query<{ held: boolean }>(`
        SELECT EXISTS (SELECT 1 FROM ingest_batches WHERE dataset_id = $1 AND status = 'complete' AND rows_loaded > 0)
            OR EXISTS (SELECT 1 FROM source_records WHERE dataset_id = $1) AS held`, [datasetId]);
      const batch = { datasetId, agencyId: plan.mapping.agency, batchId, specialCategoryKey: plan.specialCategoryKey, asOf: plan.mapping.record.as_of };
      const supply: ChunkSupply = { path, mapping: plan.mapping, batch, held: held?.held ?? true, chunkRows: options.chunkRows ?? 5000, direct: options.direct !== false };
      // new records' ids are drawn ahead, on PostgreSQL over another connection (sequences are not transactional)
      const ids = recordIds(store.kind === 'postgres' ? store.sql : tx);
      const takeIds = (n: number): Promise<number | null> => ids.take(n);
      const progress = (bytesRead: number, rowsRead: number): void => options.onProgress?.({ bytesRead, bytesTotal, rowsRead });
      const chunks = inThread(options, store.kind, bytesTotal)
        ? preparedChunks(supply, stats, {
          policy: plan.policy, read: options.readItems ?? adapters[plan.mapping.format], takeIds, turns: true,
          onProgress: (bytesRead) => progress(bytesRead, stats.rowsRead),
        })
        : threadedChunks(supply, stats, { policy: plan.policy, takeIds, onProgress: progress });
      // two chunks may be on their way to the store while the next is mapped and prepared
      const writes = writePipeline(2);
      try {
        for await (const prepared of chunks) {
          await writes.add(async () => {
            stats.eventsAdded += (await writePrepared(tx, batch, prepared)).eventsAdded;
            prepared.release?.();
          });
        }
        await writes.drain();
      } finally {
        // on a failure too, every write settles before the transaction ends (the first error is the one thrown)
        await writes.drain().catch(() => undefined);
        await ids.settle();
      }
      await completeBatch(tx, batchId, stats);
      return null;
    });
    if (outcome !== null) {
      await failBatch(store.sql, batchId, `the same file was loaded meanwhile, as batch ${outcome}`);
      return { status: 'already-loaded', file, batchId: outcome, seconds: seconds() };
    }
    return { status: 'loaded', file, batchId, stats, seconds: seconds() };
  } catch (error) {
    const code: IngestErrorCode = error instanceof IngestFileError ? error.code : 'INGEST_LOAD_FAILED';
    const message = error instanceof Error ? error.message : String(error);
    await failBatch(store.sql, batchId, `${code}: ${message}`);
    if (!(error instanceof IngestFileError) && !isStoreError(error)) throw error;
    return { status: 'failed', file, batchId, code, message: error instanceof IngestFileError ? message : `${path}: the store refused the load (${message}); no row of it was kept`, seconds: seconds() };
  }
}

/** A database error (it carries a SQLSTATE code), as opposed to a bug. */
const isStoreError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
