/**
 * Worker threads for `pprl encode`. The file's bytes, the chunk boundaries and a control array are
 * shared with every worker once; the main thread and the workers then each claim the next chunk
 * with an atomic counter (no dispatching, so no thread waits on another, and nobody holds chunks it
 * has not started), parse, standardise and encode it, and the workers post the lines back
 * (transferred). Workers load TypeScript through tsx's loader (`startTsWorker`).
 */
import type { LinkMap } from '../link/index.ts';
import { startTsWorker } from '../runtime/ts-worker.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import type { EncodedChunk } from './encode-chunk.ts';

/** What the workers share: `control[0]` is the next chunk to claim; `control[1 + w]` is 1 + the chunk worker w is encoding (0: none). */
export interface SharedEncodeWork {
  schema: LinkageSchema;
  secret: Uint8Array;
  map: LinkMap;
  header: string[];
  file: SharedArrayBuffer;
  /** Float64 chunk boundaries: chunk c is `[cuts[c], cuts[c + 1])`. */
  cuts: SharedArrayBuffer;
  /** Int32 control array (see above). */
  control: SharedArrayBuffer;
}

export interface EncodeWorkerEvents {
  chunk(chunk: number, result: EncodedChunk): void;
  /** A chunk the worker could not encode: `record` (1-based in the chunk) for a CSV error. */
  failed(chunk: number, message: string, record: number | undefined): void;
  /** A chunk claimed by a worker that then stopped (crashed or could not start): encode it elsewhere. */
  lost(chunk: number): void;
  /** Every worker has stopped (finished, crashed or never started). */
  allStopped(): void;
}

export interface EncodeWorkers {
  close(): Promise<void>;
}

type Reply = { chunk: number; result?: EncodedChunk; error?: string; record?: number };

/** Starts `threads` workers that claim and encode chunks until none are left; never rejects (a worker that fails to start claims nothing). */
export function startEncodeWorkers(threads: number, work: SharedEncodeWork, events: EncodeWorkerEvents): EncodeWorkers {
  const entry = new URL('./encode-worker.ts', import.meta.url);
  const control = new Int32Array(work.control);
  let running = threads;
  const workers = Array.from({ length: threads }, (_, index) => {
    const worker = startTsWorker(entry, { ...work, index });
    worker.on('message', ({ chunk, result, error, record }: Reply) => {
      if (result) events.chunk(chunk, result); else events.failed(chunk, error ?? 'the worker could not encode the chunk', record);
    });
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      const claimed = Atomics.exchange(control, 1 + index, 0);
      if (claimed > 0) events.lost(claimed - 1);
      if (--running === 0) events.allStopped();
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    return { worker, stop };
  });
  return {
    async close() {
      for (const w of workers) w.worker.removeAllListeners('exit').removeAllListeners('error').on('error', () => {});
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
