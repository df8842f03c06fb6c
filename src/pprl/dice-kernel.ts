/**
 * Dice similarity of CLKs, 2|A∧B| / (|A| + |B|): a plain JS reference, and the WebAssembly
 * kernel (see dice-wasm.ts) over a packed set of filters, which must agree with it exactly.
 */
import { popcount } from './bloom-filter.ts';
import { diceModuleBytes } from './dice-wasm.ts';
import { wasm as WebAssemblyApi } from './wasm-runtime.ts';

/** Reference Dice of two filters of equal length (0 when both are empty). */
export function diceReference(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  for (let i = 0; i < a.length; i++) both += popcount(Uint8Array.of(a[i]! & b[i]!));
  const total = popcount(a) + popcount(b);
  return (2 * both) / Math.max(total, 1);
}

/** Filters packed one after another, each padded to whole 64-bit words, with their weights. */
export interface PackedFilters {
  count: number;
  /** Bytes per filter in `data` (a multiple of 8). */
  stride: number;
  data: Uint8Array;
  weights: Uint32Array;
}

/** Packs filters (all of one length) for the kernel. */
export function packFilters(filters: readonly Uint8Array[]): PackedFilters {
  const length = filters[0]?.length ?? 8;
  const stride = Math.ceil(length / 8) * 8;
  const data = new Uint8Array(filters.length * stride);
  const weights = new Uint32Array(filters.length);
  filters.forEach((f, i) => {
    if (f.length !== length) throw new Error(`CLK ${i} has ${f.length * 8} bits but the first has ${length * 8}: all encodings must use one schema.`);
    data.set(f, i * stride);
    weights[i] = popcount(f);
  });
  return { count: filters.length, stride, data, weights };
}

const PAGE = 65536;
const CHUNK = 1 << 16;

/** The WebAssembly kernel over one packed set: Dice of index pairs, and the indices above a threshold. */
export interface DiceKernel {
  /** Dice of each (i, j) in `pairs` (flat: i0, j0, i1, j1, …). */
  scorePairs(pairs: Int32Array): Float64Array;
  /** Indices j in [from, to) whose Dice with filter i is at least `threshold`. */
  above(i: number, from: number, to: number, threshold: number): Int32Array;
}

interface Exports {
  pairs(base: number, pops: number, pairs: number, n: number, out: number): void;
  above(a: number, apop: number, b: number, bpops: number, nb: number, threshold: number, out: number): number;
}

/** Instantiates the kernel (synchronously; the module is a few hundred bytes) over packed filters. */
export function createDiceKernel(packed: PackedFilters): DiceKernel {
  const dataBytes = packed.data.length;
  const popsAt = dataBytes;
  const pairsAt = Math.ceil((popsAt + packed.count * 4) / 8) * 8;
  const outAt = pairsAt + CHUNK * 8;
  const needed = outAt + Math.max(CHUNK * 8, packed.count * 4);
  const memory = new WebAssemblyApi.Memory({ initial: Math.ceil(needed / PAGE) });
  const module = new WebAssemblyApi.Module(diceModuleBytes(packed.stride / 8));
  const wasm = new WebAssemblyApi.Instance(module, { env: { memory } }).exports as unknown as Exports;
  const heap = new Uint8Array(memory.buffer);
  heap.set(packed.data, 0);
  new Uint32Array(memory.buffer, popsAt, packed.count).set(packed.weights);
  return {
    scorePairs(pairs) {
      const n = pairs.length / 2;
      const scores = new Float64Array(n);
      for (let start = 0; start < n; start += CHUNK) {
        const m = Math.min(CHUNK, n - start);
        new Int32Array(memory.buffer, pairsAt, 2 * m).set(pairs.subarray(2 * start, 2 * (start + m)));
        wasm.pairs(0, popsAt, pairsAt, m, outAt);
        scores.set(new Float64Array(memory.buffer, outAt, m), start);
      }
      return scores;
    },
    above(i, from, to, threshold) {
      const n = wasm.above(i * packed.stride, packed.weights[i]!, from * packed.stride, popsAt + 4 * from, to - from, threshold, outAt);
      return new Int32Array(memory.buffer, outAt, n).map((j) => j + from);
    },
  };
}
