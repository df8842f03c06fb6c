/**
 * One feature's part of a CLK: a value's n-grams (optionally salted), each hashed to its share of
 * the feature's bit budget. Bit positions are memoised per value — names and dates repeat a lot —
 * and a feature whose values rarely repeat (addresses, ids) stops caching after a trial.
 */
import type { Feature } from './clkhash-schema.ts';
import type { TokenHasher } from './ngram-hashing.ts';
import { bitsPerTokenList, tokenize } from './tokenizer.ts';

/** Sets a value's bits in `filter`; `salt` is the record's salt value (ignored by unsalted features). */
export type FeatureEncoder = (filter: Uint8Array, value: string, salt: string) => void;

const MAX_CACHED_VALUES = 200_000;
const CACHE_TRIAL = 20_000;

export function featureEncoder(feature: Feature, hasher: TokenHasher): FeatureEncoder {
  const cache = new Map<string, Int32Array>();
  const { n, positional } = feature.hashing.comparison;
  const { strategy } = feature.hashing;
  const salted = feature['x-tributary']?.saltWith !== undefined;
  const out: number[] = [];
  let hits = 0;
  let misses = 0;
  let caching = true;

  const positionsOf = (value: string, salt: string): number[] => {
    const tokens = tokenize(value, n, positional);
    const ks = bitsPerTokenList(tokens.length, strategy);
    out.length = 0;
    for (let i = 0; i < tokens.length; i++) hasher(salted ? `${salt}|${tokens[i]!}` : tokens[i]!, ks[i]!, out);
    return out;
  };

  return (filter, value, salt) => {
    const key = salted ? `${salt}\u0000${value}` : value;
    let positions: ArrayLike<number> | undefined = caching ? cache.get(key) : undefined;
    if (positions) {
      hits++;
    } else {
      positions = positionsOf(value, salt);
      if (caching) {
        if (++misses === CACHE_TRIAL && hits * 10 < misses) {
          caching = false;
          cache.clear();
        } else {
          if (cache.size >= MAX_CACHED_VALUES) cache.clear();
          cache.set(key, Int32Array.from(positions));
        }
      }
    }
    for (let p = 0; p < positions.length; p++) {
      const i = positions[p]!;
      filter[i >>> 3]! |= 0x80 >>> (i & 7);
    }
  };
}
