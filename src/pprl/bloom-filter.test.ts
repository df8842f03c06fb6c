import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balance, balanceReference, keyedPermutation, popcount, xorFold } from './bloom-filter.ts';

describe('Bloom-filter hardening', () => {
  it('a keyed permutation is a permutation, fixed by its key', () => {
    const p = keyedPermutation(new Uint8Array(32).fill(1), 2048);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 2048 }, (_, i) => i));
    expect(keyedPermutation(new Uint8Array(32).fill(1), 2048)).toEqual(p);
    expect(keyedPermutation(new Uint8Array(32).fill(2), 2048)).not.toEqual(p);
  });

  it('balancing doubles the length and sets exactly half the bits, whatever the filter', () => {
    const perm = keyedPermutation(new Uint8Array(32), 1024);
    fc.assert(fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (f) => {
      const b = balance(f, perm);
      expect(b.length).toBe(128);
      expect(popcount(b)).toBe(512);
    }));
  });

  it.each([{ bytes: 64 }, { bytes: 128 }, { bytes: 125 }])('the fast balancing agrees with the bit-by-bit definition ($bytes bytes)', ({ bytes }) => {
    const perm = keyedPermutation(new Uint8Array(32).fill(7), 2 * bytes * 8);
    fc.assert(fc.property(fc.uint8Array({ minLength: bytes, maxLength: bytes }), (f) => {
      expect(balance(f, perm)).toEqual(balanceReference(f, perm));
    }));
  });

  it('XOR-folding XORs the halves', () => {
    expect([...xorFold(Uint8Array.of(0b1100, 0xff, 0b1010, 0x0f), 1)]).toEqual([0b0110, 0xf0]);
    expect([...xorFold(Uint8Array.of(1, 2, 4, 8), 2)]).toEqual([1 ^ 2 ^ 4 ^ 8]);
  });
});
