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
  return balancer(permutation, filter.length)(filter);
}

/** The bit-by-bit definition of {@link balance}, kept as the reference its fast form is tested against. */
export function balanceReference(filter: Uint8Array, permutation: Uint32Array): Uint8Array {
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

/**
 * A balancing function for filters of `bytes` bytes: starts from the balanced empty filter (every
 * complement bit placed) and, for each set bit only (found a 32-bit word at a time), moves it from
 * its complement's place to its own. Same output as {@link balanceReference}, about half the work.
 */
export function balancer(permutation: Uint32Array, bytes: number): (filter: Uint8Array) => Uint8Array {
  const bits = bytes * 8;
  const empty = balanceReference(new Uint8Array(bytes), permutation);
  return (filter) => {
    const out = empty.slice();
    for (let byte = 0; byte < bytes; byte += 4) {
      // The next four bytes as one big-endian word: bit i of the filter is the word's (31 - i % 32)th bit.
      let word = ((filter[byte]! << 24) | ((filter[byte + 1] ?? 0) << 16) | ((filter[byte + 2] ?? 0) << 8) | (filter[byte + 3] ?? 0)) >>> 0;
      while (word !== 0) {
        const k = Math.clz32(word);
        word = (word & ~(0x80000000 >>> k)) >>> 0;
        const i = byte * 8 + k;
        const off = permutation[bits + i]!;
        const on = permutation[i]!;
        out[off >>> 3]! &= ~(0x80 >>> (off & 7));
        out[on >>> 3]! |= 0x80 >>> (on & 7);
      }
    }
    return out;
  };
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
