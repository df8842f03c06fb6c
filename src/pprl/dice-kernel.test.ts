import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDiceKernel, diceReference, packFilters } from './dice-kernel.ts';

const filters = (bytes: number, count: number) => fc.array(fc.uint8Array({ minLength: bytes, maxLength: bytes }), { minLength: count, maxLength: count });

describe('the WebAssembly Dice kernel', () => {
  it.each([
    { description: '1024-bit CLKs', bytes: 128 },
    { description: '2048-bit CLKs', bytes: 256 },
    { description: 'a length that is not whole 64-bit words (1000 bits)', bytes: 125 },
  ])('agrees exactly with the JS reference on random $description', ({ bytes }) => {
    fc.assert(fc.property(filters(bytes, 12), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 40 }), (fs, idx) => {
      const kernel = createDiceKernel(packFilters(fs));
      const scores = kernel.scorePairs(Int32Array.from(idx.flat()));
      idx.forEach(([i, j], k) => expect(scores[k]).toBe(diceReference(fs[i]!, fs[j]!)));
    }), { numRuns: 30 });
  });

  it('finds exactly the filters above a threshold', () => {
    fc.assert(fc.property(filters(128, 40), fc.double({ min: 0.3, max: 0.7, noNaN: true }), (fs, threshold) => {
      const kernel = createDiceKernel(packFilters(fs));
      const expected = fs.map((f, j) => [j, diceReference(fs[0]!, f)] as const).filter(([j, d]) => j >= 5 && d >= threshold).map(([j]) => j);
      expect([...kernel.above(0, 5, 40, threshold)]).toEqual(expected);
    }), { numRuns: 30 });
  });

  it.each([
    { description: '2048-bit CLKs at 0.9', bytes: 256, threshold: 0.9 },
    { description: '1024-bit CLKs at 0.8', bytes: 128, threshold: 0.8 },
    { description: '512-bit CLKs at 0.95', bytes: 64, threshold: 0.95 },
  ])('stops early only on pairs that cannot reach the threshold: near-duplicates of $description', ({ bytes, threshold }) => {
    fc.assert(fc.property(fc.uint8Array({ minLength: bytes, maxLength: bytes }),
      fc.array(fc.array(fc.nat(bytes * 8 - 1), { maxLength: 40 }), { minLength: 30, maxLength: 30 }), (base, flips) => {
        const fs = [base, ...flips.map((bits) => {
          const f = base.slice();
          for (const bit of bits) f[bit >>> 3]! ^= 0x80 >>> (bit & 7);
          return f;
        })];
        const kernel = createDiceKernel(packFilters(fs));
        const expected = fs.map((f, j) => [j, diceReference(fs[0]!, f)] as const).filter(([j, d]) => j >= 1 && d >= threshold).map(([j]) => j);
        expect([...kernel.above(0, 1, fs.length, threshold)]).toEqual(expected);
      }), { numRuns: 40 });
  });

  it('scores two empty filters 0 and identical non-empty ones 1', () => {
    const empty = new Uint8Array(128);
    const full = new Uint8Array(128).fill(0xa5);
    const kernel = createDiceKernel(packFilters([empty, empty, full, full]));
    expect([...kernel.scorePairs(Int32Array.of(0, 1, 2, 3, 0, 2))]).toEqual([0, 1, 0]);
  });

  it('refuses filters of different lengths, saying why', () => {
    expect(() => packFilters([new Uint8Array(128), new Uint8Array(64)])).toThrow(/all encodings must use one schema/);
  });
});
