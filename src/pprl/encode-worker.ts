/** A worker thread of `pprl encode`: receives batches of CSV rows, returns their encoded lines. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkMap } from '../link/index.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import { createRowEncoder, type CsvRow } from './row-encoder.ts';

const { schema, secret, map } = workerData as { schema: LinkageSchema; secret: Uint8Array; map: LinkMap };
const encodeRow = createRowEncoder(schema, secret, map);

parentPort!.on('message', ({ batch, rows }: { batch: number; rows: CsvRow[] }) => {
  parentPort!.postMessage({ batch, lines: rows.map(encodeRow) });
});
