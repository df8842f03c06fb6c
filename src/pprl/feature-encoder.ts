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
const MAX_CACHED_STRING_TOKENS = 500_000;
const MAX_CACHED_CODED_TOKENS = 500_000;
/** Dense tables for ASCII tokens: 128 × 128 bigrams, or 64 positions × 128 characters for positional unigrams. */
const DENSE = 128;

/** Bit positions per token, each a prefix-consistent list (the first k positions of a token are its k-bit positions). */
class PositionTable {
  private readonly dense: Array<Int32Array | undefined>;
  private readonly sparse = new Map<number, Int32Array>();
  constructor(denseSize: number, private readonly hasher: TokenHasher) {
    this.dense = new Array<Int32Array | undefined>(denseSize).fill(undefined);
  }

  /** The positions of the token whose integer code is `code` (dense index when `dense` ≥ 0) if at least `k` are known. */
  find(dense: number, code: number, k: number): Int32Array | undefined {
    const found = dense >= 0 ? this.dense[dense] : this.sparse.get(code);
    return found !== undefined && found.length >= k ? found : undefined;
  }

  /** Computes and keeps at least `k` positions of a token. */
  add(dense: number, code: number, k: number, token: string): Int32Array {
    const positions = computePositions(this.hasher, token, k);
    if (dense >= 0) {
      this.dense[dense] = positions;
    } else {
      if (this.sparse.size >= MAX_CACHED_CODED_TOKENS) this.sparse.clear();
      this.sparse.set(code, positions);
    }
    return positions;
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
    const table = new PositionTable(positional ? 64 * DENSE : DENSE, hasher);
    return (filter, value) => {
      const count = value.length;
      for (let t = 0; t < count; t++) {
        const c = value.charCodeAt(t);
        const k = bitsOf(t, count);
        const code = positional ? (t + 1) * 0x10000 + c : c;
        const dense = c < DENSE && (!positional || t < 64) ? (positional ? t * DENSE + c : c) : -1;
        const positions = table.find(dense, code, k) ?? table.add(dense, code, k, positional ? `${t + 1} ${value[t]!}` : value[t]!);
        setBits(filter, positions, k);
      }
    };
  }

  // Bigrams of the space-padded value: ' a', 'ab', …, 'z ' (positional: `${position} ${bigram}`).
  const table = new PositionTable(positional ? 0 : DENSE * DENSE, hasher);
  return (filter, value) => {
    const count = value.length + 1;
    let previous = 0x20;
    for (let t = 0; t < count; t++) {
      const c = t < value.length ? value.charCodeAt(t) : 0x20;
      const k = bitsOf(t, count);
      const pair = previous * 0x10000 + c;
      const code = positional ? (t + 1) * 0x100000000 + pair : pair;
      const dense = !positional && previous < DENSE && c < DENSE ? previous * DENSE + c : -1;
      const positions = table.find(dense, code, k)
        ?? table.add(dense, code, k, positional ? `${t + 1} ${String.fromCharCode(previous, c)}` : String.fromCharCode(previous, c));
      setBits(filter, positions, k);
      previous = c;
    }
  };
}
