/**
 * The worker thread of `chunk-thread.ts`: runs `preparedChunks` over the file it was given, asking
 * the loading thread for record ids, and posts each prepared chunk back (its streams transferred),
 * waiting while `AHEAD` chunks are still untaken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { columnPolicy } from '../agreement/column-policy.ts';
import { adapters } from '../adapters/index.ts';
import { IngestFileError } from '../core/file-error.ts';
import { AHEAD, SPARE, type ChunkWorkerData, type FromWorker, type ToWorker, type WorkerFailure, type WorkerStats } from './chunk-thread.ts';
import { emptyStats } from './load-stats.ts';
import { preparedChunks } from './prepared-chunks.ts';
import type { PreparedChunk } from './write-chunk.ts';

const port = parentPort!;
const { supply, allowedFields } = workerData as ChunkWorkerData;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

const asked = new Map<number, { resolve: (first: number | null) => void; reject: (error: Error) => void }>();
let asks = 0;
let untaken = 0;
let room: (() => void) | null = null;
/** Memory the loading thread has written from and handed back, to prepare the next chunks in (`owned`). */
const spare: ArrayBuffer[] = [];
port.on('message', (message: ToWorker) => {
  if (message.type === 'taken') {
    untaken -= 1;
    room?.();
    room = null;
    return;
  }
  if (message.type === 'returned') {
    for (const memory of message.buffers) if (spare.length < SPARE) spare.push(memory);
    return;
  }
  const waiting = asked.get(message.ask);
  asked.delete(message.ask);
  if (message.type === 'ids') waiting?.resolve(message.first);
  else waiting?.reject(new Error(message.message));
});

const takeIds = (n: number): Promise<number | null> => new Promise((resolve, reject) => {
  const ask = ++asks;
  asked.set(ask, { resolve, reject });
  post({ type: 'ids', ask, n });
});

const stats = emptyStats();
/** The counts so far (the sets and maps are copied as the message is posted). */
const counts = (): WorkerStats => {
  const { eventsAdded: _, ...rest } = stats;
  return rest;
};
// the key crosses as plain bytes: a Buffer over them again, as the sealing expects
const key = supply.batch.specialCategoryKey;
const batch = { ...supply.batch, specialCategoryKey: key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : null };

try {
  const chunks = preparedChunks({ ...supply, batch }, stats, {
    policy: columnPolicy(allowedFields), read: adapters[supply.mapping.format], takeIds, turns: false,
    onProgress: (bytesRead) => post({ type: 'progress', bytesRead, rowsRead: stats.rowsRead }),
  });
  for await (const chunk of chunks) {
    while (untaken >= AHEAD) await new Promise<void>((resolve) => { room = resolve; });
    untaken += 1;
    const [sent, transfer] = owned(chunk);
    post({ type: 'chunk', chunk: sent, stats: counts() }, transfer);
  }
  post({ type: 'done', stats: counts() });
} catch (error) {
  post({ type: 'failed', failure: failureOf(error), stats: counts() });
}
// the port stays open: the loading thread ends the worker once it has taken the last message

/**
 * The chunk with each stream in memory of its own, to transfer: memory handed back by the loading
 * thread once it has written a chunk from it, or else new (a power of two, so that it fits later
 * streams too). The loading thread's heap sees little of its own to collect, so memory left to its
 * collector would pile up there (a quarter of a gigabyte a million rows); handed back, what is in
 * flight stays a few chunks' worth. (A stream itself may be a view into a larger allocation, or
 * Node's shared pool for a small one, which must not be handed over whole.)
 */
function owned(chunk: PreparedChunk): [PreparedChunk, ArrayBuffer[]] {
  const transfer: ArrayBuffer[] = [];
  const own = (bytes: Buffer): Buffer => {
    if (bytes.byteLength === 0) return bytes;
    const fits = spare.findIndex((memory) => memory.byteLength >= bytes.byteLength);
    const memory = fits === -1 ? new ArrayBuffer(2 ** Math.ceil(Math.log2(bytes.byteLength))) : spare.splice(fits, 1)[0]!;
    const copy = Buffer.from(memory, 0, bytes.byteLength);
    bytes.copy(copy);
    transfer.push(memory);
    return copy;
  };
  return [{ ...chunk, records: own(chunk.records), events: own(chunk.events), relationships: own(chunk.relationships) }, transfer];
}

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof IngestFileError) return { kind: 'file', code: error.code, file: error.file, detail: error.detail, where: error.where };
  if (error instanceof Error) return { kind: 'error', message: error.message, stack: error.stack };
  return { kind: 'error', message: String(error) };
}
