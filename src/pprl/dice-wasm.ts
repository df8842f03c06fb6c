/**
 * The Dice kernel as a hand-assembled WebAssembly module, generated for one filter length with the
 * popcount loop fully unrolled (i64.and + i64.popcnt per 64-bit word). Two exports:
 *
 * - `pairs(base, pops, pairs, n, out)`: for n (i, j) pairs of i32 at `pairs`, writes the f64 Dice
 *   2|A∧B| / (|A| + |B|) of filters i and j (at `base`, `bytes` apart, weights in `pops`) to `out`.
 * - `above(a, apop, b, bpops, nb, threshold, out, apre, bpres) → count`: compares filter `a` with nb
 *   filters from `b`, writing the index of each with Dice ≥ threshold to `out` as i32. It stops
 *   early on a pair that cannot reach the threshold: after the first quarter and the first half of
 *   the words, the count so far plus the fewer bits either filter has left (from the prefix
 *   weights: two u32 per filter, at `apre` for `a` and from `bpres` for the others) bounds the
 *   final count, and a bound whose Dice is below the threshold ends the pair. The result is exact.
 */
import { OP, T, assembleModule, f64, get, i32, mem, set, type WasmFunction } from './wasm-bytes.ts';

/** Σ popcount(load64(a + 8w) & load64(b + 8w)) over words [from, to), left on the stack as i64. */
function unrolledPopcount(a: number, b: number, words: number, from = 0): number[] {
  const out: number[] = [];
  for (let w = from; w < words; w++) {
    out.push(...get(a), ...mem(OP.i64_load, 3, 8 * w), ...get(b), ...mem(OP.i64_load, 3, 8 * w), OP.i64_and, OP.i64_popcnt);
    if (w > from) out.push(OP.i64_add);
  }
  return out;
}

/** Where `above` checks its bound: after a quarter and a half of the words (none for short filters). */
export function checkpoints(words: number): number[] {
  return words >= 8 ? [words >> 2, words >> 1] : [];
}

/** 2c / max(d, 1) as f64, from an i64 local c and an i32 local d. */
const dice = (c: number, d: number): number[] => [
  ...get(c), OP.f64_convert_i64_u, ...f64(2), OP.f64_mul,
  ...get(d), ...i32(1), ...get(d), OP.select, OP.f64_convert_i32_u, OP.f64_div,
];

function pairsFunction(words: number): WasmFunction {
  const [base, pops, pairs, n, out, a, b, c, d] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const bytes = words * 8;
  const weight = (pairOffset: number): number[] => [
    ...get(pops), ...get(pairs), ...mem(OP.i32_load, 2, pairOffset), ...i32(2), OP.i32_shl, OP.i32_add, ...mem(OP.i32_load, 2),
  ];
  const address = (pairOffset: number): number[] => [
    ...get(base), ...get(pairs), ...mem(OP.i32_load, 2, pairOffset), ...i32(bytes), OP.i32_mul, OP.i32_add,
  ];
  return {
    exportName: 'pairs', params: [T.i32, T.i32, T.i32, T.i32, T.i32], results: [], locals: [T.i32, T.i32, T.i64, T.i32],
    body: [
      OP.block, OP.void, ...get(n), OP.i32_eqz, OP.br_if, 0,
      OP.loop, OP.void,
      ...address(0), ...set(a), ...address(4), ...set(b),
      ...unrolledPopcount(a, b, words), ...set(c),
      ...weight(0), ...weight(4), OP.i32_add, ...set(d),
      ...get(out), ...dice(c, d), ...mem(OP.f64_store, 3),
      ...get(out), ...i32(8), OP.i32_add, ...set(out),
      ...get(pairs), ...i32(8), OP.i32_add, ...set(pairs),
      ...get(n), ...i32(1), OP.i32_sub, OP.local_tee, n, OP.br_if, 0,
      OP.end, OP.end,
    ],
  };
}

function aboveFunction(words: number): WasmFunction {
  const [a, apop, b, bpops, nb, threshold, out, apre, bpres, j, count, c, d, ra, rb, bound] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
  const stops = checkpoints(words);
  const bounds = [0, ...stops, words];
  const body: number[] = [];
  stops.forEach((_, k) => {
    // c += popcount of this stage; then leave the pair if even c + min(bits left in a, in b) cannot reach the threshold.
    body.push(...get(c), ...unrolledPopcount(a, b, bounds[k + 1]!, bounds[k]!), OP.i64_add, ...set(c),
      ...get(apop), ...get(apre), ...mem(OP.i32_load, 2, 4 * k), OP.i32_sub, ...set(ra),
      ...get(bpops), ...mem(OP.i32_load, 2), ...get(bpres), ...mem(OP.i32_load, 2, 4 * k), OP.i32_sub, ...set(rb),
      ...get(c), ...get(ra), ...get(rb), ...get(ra), ...get(rb), OP.i32_lt_u, OP.select, OP.i64_extend_i32_u, OP.i64_add, ...set(bound),
      // 2·bound < t·d·(1 − 1e-12), without a division: a margin far above rounding keeps the stop exact.
      ...get(bound), OP.f64_convert_i64_u, ...f64(2), OP.f64_mul,
      ...get(threshold), ...get(d), OP.f64_convert_i32_u, OP.f64_mul, ...f64(1 - 1e-12), OP.f64_mul, OP.f64_lt, OP.br_if, 0);
  });
  return {
    exportName: 'above', params: [T.i32, T.i32, T.i32, T.i32, T.i32, T.f64, T.i32, T.i32, T.i32], results: [T.i32],
    locals: [T.i32, T.i32, T.i64, T.i32, T.i32, T.i32, T.i64],
    body: [
      OP.block, OP.void, ...get(nb), OP.i32_eqz, OP.br_if, 0,
      OP.loop, OP.void,
      OP.block, OP.void,
      ...i32(0), OP.i64_extend_i32_u, ...set(c),
      ...get(apop), ...get(bpops), ...mem(OP.i32_load, 2), OP.i32_add, ...set(d),
      ...body,
      ...get(c), ...unrolledPopcount(a, b, words, bounds[bounds.length - 2]!), OP.i64_add, ...set(c),
      ...dice(c, d), ...get(threshold), OP.f64_ge,
      OP.if, OP.void,
      ...get(out), ...get(count), ...i32(2), OP.i32_shl, OP.i32_add, ...get(j), ...mem(OP.i32_store, 2),
      ...get(count), ...i32(1), OP.i32_add, ...set(count),
      OP.end,
      OP.end,
      ...get(b), ...i32(words * 8), OP.i32_add, ...set(b),
      ...get(bpops), ...i32(4), OP.i32_add, ...set(bpops),
      ...get(bpres), ...i32(8), OP.i32_add, ...set(bpres),
      ...get(j), ...i32(1), OP.i32_add, OP.local_tee, j, ...get(nb), OP.i32_lt_u, OP.br_if, 0,
      OP.end, OP.end,
      ...get(count),
    ],
  };
}

const cache = new Map<number, Uint8Array>();

/** The module's bytes for filters of `words` 64-bit words. */
export function diceModuleBytes(words: number): Uint8Array {
  let bytes = cache.get(words);
  if (!bytes) {
    bytes = assembleModule([pairsFunction(words), aboveFunction(words)]);
    cache.set(words, bytes);
  }
  return bytes;
}
