/**
 * Where a token's bits go in the filter: clkhash's `doubleHash` (Schnell et al. 2011: HMAC-SHA1
 * and HMAC-MD5 combined as h1 + i·h2) or `blakeHash` (k independent slices of keyed BLAKE2b).
 * Results are memoised per token: names share few distinct n-grams, which makes encoding fast.
 */
import { createHmac } from 'node:crypto';
import { keyedBlake2b } from './blake2b.ts';

/** Appends the k bit positions of one token, in a filter of `length` bits, to `out`. */
export type TokenHasher = (token: string, k: number, out: number[]) => void;

const MAX_CACHED_TOKENS = 500_000;

function bigEndianMod(bytes: Uint8Array, modulus: number): number {
  let r = 0;
  for (const b of bytes) r = (r * 256 + b) % modulus;
  return r;
}

/** Double hashing; with `preventSingularity` an h2 of 0 is re-hashed (clkhash issue 33). */
export function doubleHasher(keySha1: Uint8Array, keyMd5: Uint8Array, length: number, preventSingularity: boolean): TokenHasher {
  const cache = new Map<string, [number, number]>();
  const hashes = (token: string): [number, number] => {
    let h = cache.get(token);
    if (h) return h;
    const bytes = Buffer.from(token, 'utf8');
    const h1 = bigEndianMod(createHmac('sha1', keySha1).update(bytes).digest(), length);
    let h2 = bigEndianMod(createHmac('md5', keyMd5).update(bytes).digest(), length);
    for (let i = 0; preventSingularity && h2 === 0; i++) {
      h2 = bigEndianMod(createHmac('md5', keyMd5).update(Buffer.concat([bytes, Buffer.from(String.fromCharCode(i), 'utf8')])).digest(), length);
    }
    h = [h1, h2];
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(token, h);
    return h;
  };
  return (token, k, out) => {
    const [h1, h2] = hashes(token);
    for (let i = 0; i < k; i++) out.push((h1 + i * h2) % length);
  };
}

/** BLAKE2b slices: the i-th MAC is keyed BLAKE2b with salt `i` read as 32 little-endian shorts. */
export function blakeHasher(key: Uint8Array, length: number): TokenHasher {
  if ((length & (length - 1)) !== 0) {
    throw new Error(`blakeHash needs a filter length that is a power of two, but it is ${length}: set clkConfig.l to 512, 1024 or 2048, or use doubleHash.`);
  }
  const cache = new Map<string, Uint16Array>();
  const macsBySalt: Array<(message: Uint8Array) => Uint8Array> = [];
  const mac = (i: number): ((message: Uint8Array) => Uint8Array) =>
    (macsBySalt[i] ??= keyedBlake2b(key, new TextEncoder().encode(String(i))));
  const shorts = (token: string, k: number): Uint16Array => {
    const cached = cache.get(token);
    if (cached && cached.length >= k) return cached;
    const macs = Math.ceil(k / 32);
    const out = new Uint16Array(macs * 32);
    const bytes = new TextEncoder().encode(token);
    for (let i = 0; i < macs; i++) {
      const digest = mac(i)(bytes);
      for (let j = 0; j < 32; j++) out[i * 32 + j] = digest[2 * j]! | (digest[2 * j + 1]! << 8);
    }
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(token, out);
    return out;
  };
  const mask = length - 1;
  return (token, k, out) => {
    const s = shorts(token, k);
    for (let i = 0; i < k; i++) out.push(s[i]! & mask);
  };
}
