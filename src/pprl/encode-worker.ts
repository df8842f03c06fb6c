/**
 * A worker thread of `pprl encode`: holds the file's bytes (shared with the main thread), and for
 * each chunk it is sent (a byte range of whole records) parses, standardises and encodes the
 * records and sends back the lines as one byte buffer (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkMap } from '../link/index.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import { CsvError } from './csv-records.ts';
import { createChunkEncoder } from './encode-chunk.ts';

const { schema, secret, map, header, file } = workerData as { schema: LinkageSchema; secret: Uint8Array; map: LinkMap; header: string[]; file: SharedArrayBuffer };
const encodeChunk = createChunkEncoder(schema, secret, map, header);
const bytes = Buffer.from(file);

parentPort!.on('message', ({ chunk, start, end }: { chunk: number; start: number; end: number }) => {
  try {
    const result = encodeChunk(bytes.toString('utf8', start, end));
    parentPort!.postMessage({ chunk, result }, [result.bytes.buffer as ArrayBuffer, result.offsets.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage(error instanceof CsvError ? { chunk, error: error.reason, record: error.record } : { chunk, error: (error as Error).message });
  }
});
