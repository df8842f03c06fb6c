/**
 * `preparedChunks` in a worker thread of its own (`chunk-worker.ts`): the worker reads, maps and
 * prepares the file, and the loading thread only draws record ids for it and sends what it prepared
 * to the store. Node's work on the file and the store's work on the chunks before then run on two
 * cores side by side, where in one thread the store waited whenever Node was busy with a stretch of
 * parsing or mapping, and Node whenever it waited for the store.
 *
 * The worker keeps at most `AHEAD` prepared chunks waiting to be taken, so memory stays bounded
 * whatever the file's size. Its COPY streams come across transferred, not copied. A file error in
 * the worker comes back as the same `IngestFileError`; any other failure, or the worker stopping,
 * as an error that ends the load (the loader's transaction then leaves nothing of the file).
 */
import type { ColumnPolicy } from '../agreement/column-policy.ts';
import { startTsWorker } from '../../runtime/ts-worker.ts';
import { IngestFileError, type FilePlace } from '../core/file-error.ts';
import type { IngestErrorCode } from '../error-codes.ts';
import type { LoadStats } from './load-stats.ts';
import type { ChunkSupply } from './prepared-chunks.ts';
import type { PreparedChunk } from './write-chunk.ts';

/** From this size a file may be prepared in a worker thread (`threadPays`): the worker takes about 0.65 s to start. */
export const THREAD_BYTES = 16 << 20;

/**
 * Whether a worker thread pays for a file: when it is `THREAD_BYTES` or more, the store is a
 * PostgreSQL server, and the machine has more than two cores, so that the worker has a core of its
 * own. On two cores the loader, the worker and the server made three busy threads, and a million
 * rows loaded more slowly than in one thread. With PGlite, which works in the loading thread, the
 * worker was faster (by about a tenth) but memory grew with the file: PGlite copies each COPY's
 * bytes into memory of the loading thread's, whose heap, doing little else, was rarely collected
 * (`src/ingest/README.md`, "A worker thread (session 7)").
 * @example threadPays({ engine: 'postgres', bytes: 50 << 20, cores: 4 }) // true; with cores: 2, false
 */
export function threadPays(load: { readonly engine: 'pglite' | 'postgres'; readonly bytes: number; readonly cores: number }): boolean {
  return load.bytes >= THREAD_BYTES && load.engine === 'postgres' && load.cores > 2;
}

/** Prepared chunks the worker may hold that the loader has not taken yet. */
export const AHEAD = 2;

/** Pieces of memory handed back by the loader that the worker keeps to reuse (three streams a chunk, a few chunks in flight). */
export const SPARE = 12;

/** What the worker is started with. */
export interface ChunkWorkerData {
  readonly supply: ChunkSupply;
  /** The agreement's allowed fields, from which the worker builds the column policy again. */
  readonly allowedFields: readonly string[];
}

/** The counts of a load as the worker keeps them (all but `eventsAdded`, which only the writes know). */
export type WorkerStats = Omit<LoadStats, 'eventsAdded'>;

/** A failure in the worker, as it crosses to the loading thread. */
export type WorkerFailure =
  | { readonly kind: 'file'; readonly code: IngestErrorCode; readonly file: string; readonly detail: string; readonly where: FilePlace }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

export type FromWorker =
  | { readonly type: 'progress'; readonly bytesRead: number; readonly rowsRead: number }
  | { readonly type: 'ids'; readonly ask: number; readonly n: number }
  | { readonly type: 'chunk'; readonly chunk: PreparedChunk; readonly stats: WorkerStats }
  | { readonly type: 'done'; readonly stats: WorkerStats }
  | { readonly type: 'failed'; readonly failure: WorkerFailure; readonly stats: WorkerStats };

export type ToWorker =
  | { readonly type: 'ids'; readonly ask: number; readonly first: number | null }
  | { readonly type: 'ids-failed'; readonly ask: number; readonly message: string }
  | { readonly type: 'taken' }
  /** The memory of a chunk written (`PreparedChunk.release`), handed back for the worker to reuse. */
  | { readonly type: 'returned'; readonly buffers: ArrayBuffer[] };

export interface ThreadHooks {
  readonly policy: ColumnPolicy;
  readonly takeIds: (n: number) => Promise<number | null>;
  readonly onProgress?: (bytesRead: number, rowsRead: number) => void;
}

/**
 * The file's chunks, prepared in a worker thread; `stats` is brought up to date as each arrives.
 * Leaving the loop early (a failed write) stops the worker.
 */
export async function* threadedChunks(supply: ChunkSupply, stats: LoadStats, hooks: ThreadHooks): AsyncGenerator<PreparedChunk> {
  const data: ChunkWorkerData = { supply, allowedFields: hooks.policy.allowedFields };
  const worker = startTsWorker(new URL('./chunk-worker.ts', import.meta.url), data);
  const send = (message: ToWorker): void => worker.postMessage(message);
  const inbox: PreparedChunk[] = [];
  let finished = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const woken = (): void => {
    wake?.();
    wake = null;
  };
  let bytesRead = 0;
  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'progress':
        bytesRead = message.bytesRead;
        hooks.onProgress?.(bytesRead, message.rowsRead);
        return;
      case 'ids':
        hooks.takeIds(message.n).then(
          (first) => send({ type: 'ids', ask: message.ask, first }),
          (error: unknown) => send({ type: 'ids-failed', ask: message.ask, message: error instanceof Error ? error.message : String(error) }),
        );
        return;
      case 'chunk':
        copyStats(message.stats, stats);
        inbox.push(released(message.chunk, (buffers) => worker.postMessage({ type: 'returned', buffers } satisfies ToWorker, buffers)));
        // the rows of each chunk too: a file is read in large pieces, far apart in a small file
        hooks.onProgress?.(bytesRead, stats.rowsRead);
        break;
      case 'done':
        copyStats(message.stats, stats);
        finished = true;
        break;
      case 'failed':
        copyStats(message.stats, stats);
        failure ??= fromWorker(message.failure);
        break;
    }
    woken();
  });
  worker.on('error', (error) => {
    failure ??= error;
    woken();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= new Error(`the worker thread preparing ${supply.path} stopped before the end of the file (exit code ${code})`);
    woken();
  });
  try {
    for (;;) {
      if (failure) throw failure;
      const next = inbox.shift();
      if (next) {
        send({ type: 'taken' });
        yield next;
      } else if (finished) {
        return;
      } else {
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

/** The worker's counts into the loader's (`eventsAdded` is the loader's own). */
function copyStats(from: WorkerStats, to: LoadStats): void {
  to.rowsRead = from.rowsRead;
  to.rowsLoaded = from.rowsLoaded;
  to.rowsQuarantined = from.rowsQuarantined;
  to.contacts = from.contacts;
  for (const column of from.refusedColumns) to.refusedColumns.add(column);
  for (const [code, n] of from.warnings) to.warnings.set(code, n);
  for (const [code, n] of from.quarantineCodes) to.quarantineCodes.set(code, n);
}

/**
 * A chunk's streams arrive as plain byte arrays (a Buffer crosses threads as its bytes alone):
 * Buffers again, over the same memory, and a `release` that hands the memory back to the worker.
 */
function released(chunk: PreparedChunk, handBack: (buffers: ArrayBuffer[]) => void): PreparedChunk {
  const memory: ArrayBuffer[] = [];
  const buffer = (bytes: Uint8Array): Buffer => {
    if (bytes.byteLength > 0) memory.push(bytes.buffer as ArrayBuffer);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  return {
    ...chunk, records: buffer(chunk.records), events: buffer(chunk.events), relationships: buffer(chunk.relationships),
    release: () => handBack(memory),
  };
}

/** The worker's failure as the loading thread throws it: a file error as itself, with its code and place. */
function fromWorker(failure: WorkerFailure): Error {
  if (failure.kind === 'file') return new IngestFileError(failure.code, failure.file, failure.detail, failure.where);
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}
