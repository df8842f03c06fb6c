/**
 * A worker thread of `pprl encode`: claims chunks of the shared file (byte ranges of whole records)
 * with the shared atomic counter until none are left, and for each parses, standardises and encodes
 * the records and posts the lines back as one byte buffer (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvError } from './csv-records.ts';
import { createChunkEncoder } from './encode-chunk.ts';
import type { SharedEncodeWork } from './encode-pool.ts';

const work = workerData as SharedEncodeWork & { index: number };
const encodeChunk = createChunkEncoder(work.schema, work.secret, work.map, work.header);
const bytes = Buffer.from(work.file);
const cuts = new Float64Array(work.cuts);
const control = new Int32Array(work.control);
const count = cuts.length - 1;

for (let chunk = Atomics.add(control, 0, 1); chunk < count; chunk = Atomics.add(control, 0, 1)) {
  Atomics.store(control, 1 + work.index, chunk + 1);
  try {
    const result = encodeChunk(bytes.toString('utf8', cuts[chunk]!, cuts[chunk + 1]!));
    parentPort!.postMessage({ chunk, result }, [result.bytes.buffer as ArrayBuffer, result.offsets.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage(error instanceof CsvError ? { chunk, error: error.reason, record: error.record } : { chunk, error: (error as Error).message });
  }
  Atomics.store(control, 1 + work.index, 0);
}
