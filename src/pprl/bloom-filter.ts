/** Bloom-filter operations on byte arrays in clkhash's bit order (bit 0 is the first byte's MSB). */
import { createHmac } from 'node:crypto';

/** XOR-folds a filter `folds` times: each fold XORs its two halves (Schnell et al. 2016). */
export function xorFold(filter: Uint8Array, folds: number): Uint8Array {
  let f = filter;
  for (let n = 0; n < folds; n++) {
    const half = f.length / 2;
    if (!Number.isInteger(half)) throw new Error(`cannot XOR-fold a filter of ${f.length} bytes ${folds} times`);
    const next = new Uint8Array(half);
    for (let i = 0; i < half; i++) next[i] = f[i]! ^ f[i + half]!;
    f = next;
  }
  return f;
}

/** A keyed permutation of `size` positions (Fisher-Yates driven by HMAC-SHA256 in counter mode). */
export function keyedPermutation(key: Uint8Array, size: number): Uint32Array {
  const perm = new Uint32Array(size);
  for (let i = 0; i < size; i++) perm[i] = i;
  let block = Buffer.alloc(0);
  let used = 0;
  let counter = 0;
  const next32 = (): number => {
    if (used + 4 > block.length) {
      block = createHmac('sha256', key).update(String(counter++)).digest();
      used = 0;
    }
    const value = block.readUInt32BE(used);
    used += 4;
    return value;
  };
  for (let i = size - 1; i > 0; i--) {
    const j = next32() % (i + 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm;
}

/**
 * Balances a filter (Schnell et al. 2016): the filter followed by its complement, permuted, so
 * every balanced filter has exactly half its bits set and its weight tells nothing.
 * @param permutation a keyed permutation of twice the filter's bit length.
 */
export function balance(filter: Uint8Array, permutation: Uint32Array): Uint8Array {
  const bits = filter.length * 8;
  const out = new Uint8Array(filter.length * 2);
  for (let byte = 0; byte < filter.length; byte++) {
    const value = filter[byte]!;
    for (let b = 0; b < 8; b++) {
      const i = byte * 8 + b;
      // A set bit i lands at perm[i]; a clear one, as the complement's set bit, at perm[bits + i].
      const dst = (value & (0x80 >>> b)) !== 0 ? permutation[i]! : permutation[bits + i]!;
      out[dst >>> 3]! |= 0x80 >>> (dst & 7);
    }
  }
  return out;
}

const BYTE_POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let c = 0;
  for (let x = b; x; x &= x - 1) c++;
  return c;
});

/** The number of set bits. */
export function popcount(filter: Uint8Array): number {
  let c = 0;
  for (const b of filter) c += BYTE_POPCOUNT[b]!;
  return c;
}
