/**
 * Dice similarity of CLKs, 2|A∧B| / (|A| + |B|): a plain JS reference, and the WebAssembly
 * kernel (see dice-wasm.ts) over a packed set of filters, which must agree with it exactly.
 */
import { popcount } from './bloom-filter.ts';
import { checkpoints, diceModuleBytes } from './dice-wasm.ts';
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

/**
 * Each filter's weight up to `above`'s two checkpoints (the first quarter and half of its words),
 * two u32 per filter: what lets the kernel bound a pair's final count early.
 */
export function prefixWeights(packed: PackedFilters): Uint32Array {
  const out = new Uint32Array(packed.count * 2);
  const stops = checkpoints(packed.stride / 8).map((w) => w * 8);
  if (stops.length === 0) return out;
  for (let i = 0; i < packed.count; i++) {
    const base = i * packed.stride;
    out[2 * i] = popcount(packed.data.subarray(base, base + stops[0]!));
    out[2 * i + 1] = popcount(packed.data.subarray(base, base + stops[1]!));
  }
  return out;
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
  above(a: number, apop: number, b: number, bpops: number, nb: number, threshold: number, out: number, apre: number, bpres: number): number;
}

/** Instantiates the kernel (synchronously; the module is a few hundred bytes) over packed filters. */
export function createDiceKernel(packed: PackedFilters): DiceKernel {
  const dataBytes = packed.data.length;
  const popsAt = dataBytes;
  const prefixAt = Math.ceil((popsAt + packed.count * 4) / 8) * 8;
  const pairsAt = prefixAt + packed.count * 8;
  const outAt = pairsAt + CHUNK * 8;
  const needed = outAt + Math.max(CHUNK * 8, packed.count * 4);
  const memory = new WebAssemblyApi.Memory({ initial: Math.ceil(needed / PAGE) });
  const module = new WebAssemblyApi.Module(diceModuleBytes(packed.stride / 8));
  const wasm = new WebAssemblyApi.Instance(module, { env: { memory } }).exports as unknown as Exports;
  const heap = new Uint8Array(memory.buffer);
  heap.set(packed.data, 0);
  new Uint32Array(memory.buffer, popsAt, packed.count).set(packed.weights);
  new Uint32Array(memory.buffer, prefixAt, packed.count * 2).set(prefixWeights(packed));
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
      const n = wasm.above(i * packed.stride, packed.weights[i]!, from * packed.stride, popsAt + 4 * from, to - from, threshold, outAt,
        prefixAt + 8 * i, prefixAt + 8 * from);
      return new Int32Array(memory.buffer, outAt, n).map((j) => j + from);
    },
  };
}
