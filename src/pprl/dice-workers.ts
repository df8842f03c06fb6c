/**
 * All-pairs comparison split across worker threads: each worker instantiates the WebAssembly Dice
 * kernel over a copy of the packed filters and scans its share of rows against a column range,
 * returning the (i, j) pairs at or above a threshold. Used for unblocked comparison and the bench.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prefixWeights, type PackedFilters } from './dice-kernel.ts';
import { diceModuleBytes } from './dice-wasm.ts';

// Plain JS so that workers need no TypeScript loader; the same `above` export as dice-kernel.ts.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { moduleBytes, data, weights, prefixes, stride, count } = workerData;
const popsAt = data.byteLength;
const prefixAt = Math.ceil((popsAt + count * 4) / 8) * 8;
const outAt = prefixAt + count * 8;
const memory = new WebAssembly.Memory({ initial: Math.ceil((outAt + count * 4) / 65536) });
const { above } = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes), { env: { memory } }).exports;
new Uint8Array(memory.buffer).set(new Uint8Array(data));
new Uint32Array(memory.buffer, popsAt, count).set(new Uint32Array(weights));
new Uint32Array(memory.buffer, prefixAt, count * 2).set(new Uint32Array(prefixes));
parentPort.on('message', ({ i0, i1, j0, j1, threshold }) => {
  let out = new Int32Array(1024), n = 0;
  const w = new Uint32Array(memory.buffer, popsAt, count);
  for (let i = i0; i < i1; i++) {
    const found = above(i * stride, w[i], j0 * stride, popsAt + 4 * j0, j1 - j0, threshold, outAt, prefixAt + 8 * i, prefixAt + 8 * j0);
    if (n + 2 * found > out.length) { const g = new Int32Array(Math.max(out.length * 2, n + 2 * found)); g.set(out); out = g; }
    const js = new Int32Array(memory.buffer, outAt, found);
    for (let k = 0; k < found; k++) { out[n++] = i; out[n++] = js[k] + j0; }
  }
  const result = out.slice(0, n);
  parentPort.postMessage(result, [result.buffer]);
});
`;

export interface AllPairsResult {
  /** Flat (i, j) pairs with Dice at or above the threshold. */
  pairs: Int32Array;
  /** Number of pairs compared. */
  compared: number;
  seconds: number;
}

/**
 * Compares every row in [rowFrom, rowTo) with every column in [colFrom, colTo) of one packed set.
 * @param threads worker threads to use (default: the machine's parallelism).
 */
export async function compareAllPairs(packed: PackedFilters, rows: [number, number], cols: [number, number], threshold: number, threads = availableParallelism()): Promise<AllPairsResult> {
  const shared = new SharedArrayBuffer(packed.data.length);
  new Uint8Array(shared).set(packed.data);
  const weights = new SharedArrayBuffer(packed.weights.byteLength);
  new Uint32Array(weights).set(packed.weights);
  const prefixes = new SharedArrayBuffer(packed.count * 8);
  new Uint32Array(prefixes).set(prefixWeights(packed));
  const workerData = { moduleBytes: diceModuleBytes(packed.stride / 8), data: shared, weights, prefixes, stride: packed.stride, count: packed.count };
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(WORKER_SOURCE, { eval: true, workerData }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => { w.once('online', resolve); w.once('error', reject); })));
    const started = performance.now();
    const [r0, r1] = rows;
    const step = Math.ceil((r1 - r0) / workers.length);
    const parts = await Promise.all(workers.map((w, k) => new Promise<Int32Array>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
      w.postMessage({ i0: r0 + k * step, i1: Math.min(r1, r0 + (k + 1) * step), j0: cols[0], j1: cols[1], threshold });
    })));
    const seconds = (performance.now() - started) / 1000;
    const pairs = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) { pairs.set(p, at); at += p.length; }
    return { pairs, compared: (r1 - r0) * (cols[1] - cols[0]), seconds };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
