/**
 * Worker threads for `pprl encode`: the file's bytes are shared with every worker once; the main
 * thread then hands out chunks (byte ranges of whole records), each to the worker with the fewest
 * in flight, and each worker parses, standardises and encodes its chunks in order. Workers load TypeScript through tsx's loader.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkMap } from '../link/index.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import { CsvError } from './csv-records.ts';
import type { EncodedChunk } from './encode-chunk.ts';

export interface EncodePool {
  /** The number of workers. */
  size: number;
  /** Encodes the records in `[start, end)` of the shared file (a CsvError numbers records from the chunk's first). */
  encode(start: number, end: number): Promise<EncodedChunk>;
  close(): Promise<void>;
}

type Reply = { chunk: number; result?: EncodedChunk; error?: string; record?: number };
type Task = { chunk: number; start: number; end: number; resolve: (chunk: EncodedChunk) => void; reject: (e: Error) => void };

/** Starts `threads` workers; rejects if they cannot start (the caller then encodes in-process). */
export async function startEncodePool(
  threads: number,
  data: { schema: LinkageSchema; secret: Uint8Array; map: LinkMap; header: string[]; file: SharedArrayBuffer },
): Promise<EncodePool> {
  // tsx's ES module entry: its CommonJS entry (what require.resolve finds) fails to register from
  // a worker when the main thread already runs under tsx (it resolves its loader one folder off).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./encode-worker.ts', import.meta.url).href;
  // A plain-JS boot script registers tsx in the worker, then loads the TypeScript worker module.
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`
    + '.then(() => require("node:worker_threads").parentPort.postMessage("ready"));';
  const workers = Array.from({ length: threads }, () => new Worker(boot, { eval: true, workerData: data }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); })));
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  // Each task goes to the worker with the fewest in flight; a worker answers its tasks in order.
  const inFlight = new Map<Worker, Task[]>(workers.map((w) => [w, []]));
  for (const w of workers) {
    w.on('message', ({ result, error, record }: Reply) => {
      const task = inFlight.get(w)!.shift();
      if (result) task?.resolve(result);
      else task?.reject(record === undefined ? new Error(error) : new CsvError(error ?? 'unreadable CSV', record));
    });
    w.on('error', (error) => { for (const task of inFlight.get(w)!.splice(0)) task.reject(error); });
  }
  let next = 0;
  return {
    size: workers.length,
    encode(start, end) {
      return new Promise((resolve, reject) => {
        const [worker, tasks] = [...inFlight].reduce((a, b) => (b[1].length < a[1].length ? b : a));
        const task = { chunk: next++, start, end, resolve, reject };
        tasks.push(task);
        worker.postMessage({ chunk: task.chunk, start, end });
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
