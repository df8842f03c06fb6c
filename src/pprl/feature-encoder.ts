/**
 * One feature's part of a CLK: a value's n-grams (optionally salted), each hashed to its share of
 * the feature's bit budget. A token's bit positions are computed once and kept in a table indexed
 * by the token's character codes (and position), so encoding a value builds no token strings: it
 * walks the value's char codes, looks each token up and sets its first k bits. Salted features and
 * n-grams longer than two characters key the table by the token string instead.
 */
import type { Feature } from './clkhash-schema.ts';
import type { TokenHasher } from './ngram-hashing.ts';
import { tokenize } from './tokenizer.ts';

/** Sets a value's bits in `filter`; `salt` is the record's salt value (ignored by unsalted features). */
export type FeatureEncoder = (filter: Uint8Array, value: string, salt: string) => void;

/** Positions computed per token at least (a BLAKE2b digest gives 32; more are computed when a token needs more). */
const MIN_POSITIONS = 32;
/** Positions kept per token in the flat table. */
const SLOT = 32;
const MAX_CACHED_STRING_TOKENS = 500_000;
const MAX_CACHED_CODED_TOKENS = 500_000;
/** Dense tables for ASCII tokens: 128 × 128 bigrams, or 64 positions × 128 characters for positional unigrams. */
const DENSE = 128;

/**
 * Bit positions per token, each a prefix-consistent list (the first k positions of a token are its
 * k-bit positions). Tokens with a dense index keep up to {@link SLOT} positions in one flat array
 * (no object per token to reach); others, and tokens needing more bits, are kept in a map.
 */
class PositionTable {
  /** Positions of dense token d at `[d * SLOT, d * SLOT + known[d])`. */
  private flat: Uint32Array | undefined;
  private readonly known: Uint8Array;
  private readonly sparse = new Map<number, Int32Array>();
  /** @param tokenOf the token string of a code (built only when a token is first seen). */
  constructor(private readonly denseSize: number, private readonly hasher: TokenHasher, private readonly tokenOf: (code: number) => string) {
    this.known = new Uint8Array(denseSize);
  }

  /** Sets the first `k` bit positions of the token whose integer code is `code` (`dense` its dense index, or -1) in `filter`. */
  setBits(filter: Uint8Array, dense: number, code: number, k: number): void {
    if (dense >= 0 && k <= SLOT) {
      if (this.known[dense]! < k) {
        const positions = computePositions(this.hasher, this.tokenOf(code), SLOT);
        this.flat ??= new Uint32Array(this.denseSize * SLOT);
        this.flat.set(positions.subarray(0, SLOT), dense * SLOT);
        this.known[dense] = SLOT;
      }
      const flat = this.flat!;
      const end = dense * SLOT + k;
      for (let j = dense * SLOT; j < end; j++) {
        const i = flat[j]!;
        filter[i >>> 3]! |= 0x80 >>> (i & 7);
      }
      return;
    }
    let positions = this.sparse.get(code);
    if (positions === undefined || positions.length < k) {
      positions = computePositions(this.hasher, this.tokenOf(code), k);
      if (this.sparse.size >= MAX_CACHED_CODED_TOKENS) this.sparse.clear();
      this.sparse.set(code, positions);
    }
    setBits(filter, positions, k);
  }
}

function computePositions(hasher: TokenHasher, token: string, k: number): Int32Array {
  const out: number[] = [];
  hasher(token, Math.max(k, MIN_POSITIONS), out);
  return Int32Array.from(out);
}

/** Sets the first `k` of `positions` in a filter in clkhash's bit order (bit 0 is the first byte's MSB). */
function setBits(filter: Uint8Array, positions: Int32Array, k: number): void {
  for (let j = 0; j < k; j++) {
    const i = positions[j]!;
    filter[i >>> 3]! |= 0x80 >>> (i & 7);
  }
}

export function featureEncoder(feature: Feature, hasher: TokenHasher): FeatureEncoder {
  const { n, positional } = feature.hashing.comparison;
  const { strategy } = feature.hashing;
  const perToken = 'bitsPerToken' in strategy ? strategy.bitsPerToken : undefined;
  const perFeature = 'bitsPerFeature' in strategy ? strategy.bitsPerFeature : 0;
  const salted = feature['x-tributary']?.saltWith !== undefined;
  /** The bits of the t-th of `count` tokens (clkhash's `ks`: the remainder goes to the first tokens). */
  const bitsOf = (t: number, count: number): number => {
    if (perToken !== undefined) return perToken;
    const k = Math.floor(perFeature / count);
    return t < perFeature % count ? k + 1 : k;
  };

  if (salted || n > 2 || n < 1) {
    const byToken = new Map<string, Int32Array>();
    return (filter, value, salt) => {
      const tokens = tokenize(value, n, positional);
      for (let t = 0; t < tokens.length; t++) {
        const token = salted ? `${salt}|${tokens[t]!}` : tokens[t]!;
        const k = bitsOf(t, tokens.length);
        let positions = byToken.get(token);
        if (positions === undefined || positions.length < k) {
          positions = computePositions(hasher, token, k);
          if (byToken.size >= MAX_CACHED_STRING_TOKENS) byToken.clear();
          byToken.set(token, positions);
        }
        setBits(filter, positions, k);
      }
    };
  }

  if (n === 1) {
    // Unigrams of the value itself; positional ones are `${position} ${char}` with 1-based positions.
    const table = new PositionTable(positional ? 64 * DENSE : DENSE, hasher, (code) => (positional
      ? `${Math.floor(code / 0x10000)} ${String.fromCharCode(code % 0x10000)}`
      : String.fromCharCode(code)));
    return (filter, value) => {
      const count = value.length;
      for (let t = 0; t < count; t++) {
        const c = value.charCodeAt(t);
        const k = bitsOf(t, count);
        const code = positional ? (t + 1) * 0x10000 + c : c;
        const dense = c < DENSE && (!positional || t < 64) ? (positional ? t * DENSE + c : c) : -1;
        table.setBits(filter, dense, code, k);
      }
    };
  }

  // Bigrams of the space-padded value: ' a', 'ab', …, 'z ' (positional: `${position} ${bigram}`).
  const table = new PositionTable(positional ? 0 : DENSE * DENSE, hasher, (code) => {
    const pair = code % 0x100000000;
    const gram = String.fromCharCode(Math.floor(pair / 0x10000), pair % 0x10000);
    return positional ? `${Math.floor(code / 0x100000000)} ${gram}` : gram;
  });
  return (filter, value) => {
    const count = value.length + 1;
    let previous = 0x20;
    for (let t = 0; t < count; t++) {
      const c = t < value.length ? value.charCodeAt(t) : 0x20;
      const k = bitsOf(t, count);
      const pair = previous * 0x10000 + c;
      const code = positional ? (t + 1) * 0x100000000 + pair : pair;
      const dense = !positional && previous < DENSE && c < DENSE ? previous * DENSE + c : -1;
      table.setBits(filter, dense, code, k);
      previous = c;
    }
  };
}
