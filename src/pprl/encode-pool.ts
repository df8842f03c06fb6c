/**
 * Worker threads for `pprl encode`: the main thread parses the CSV and hands out batches of rows;
 * each worker standardises and encodes them. Workers load TypeScript through tsx's loader.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkMap } from '../link/index.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import type { CsvRow } from './row-encoder.ts';

export interface EncodePool {
  /** Encodes a batch; resolves with its lines in row order. */
  encode(rows: CsvRow[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts `threads` workers; rejects if they cannot start (the caller then encodes in-process). */
export async function startEncodePool(threads: number, data: { schema: LinkageSchema; secret: Uint8Array; map: LinkMap }): Promise<EncodePool> {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
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
  const pending = new Map<number, { resolve: (lines: string[]) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', ({ batch, lines }: { batch: number; lines: string[] }) => { pending.get(batch)?.resolve(lines); pending.delete(batch); });
    w.on('error', (error) => { for (const p of pending.values()) p.reject(error); pending.clear(); });
  }
  let next = 0;
  return {
    encode(rows) {
      const batch = next++;
      return new Promise((resolve, reject) => {
        pending.set(batch, { resolve, reject });
        workers[batch % workers.length]!.postMessage({ batch, rows });
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
