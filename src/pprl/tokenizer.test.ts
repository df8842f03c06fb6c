import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsPerTokenList, tokenize } from './tokenizer.ts';

describe('tokenize', () => {
  it.each([
    { description: 'bigrams are space-padded', value: 'ann', n: 2, positional: false, tokens: [' a', 'an', 'nn', 'n '] },
    { description: 'positional unigrams are 1-indexed', value: '1987', n: 1, positional: true, tokens: ['1 1', '2 9', '3 8', '4 7'] },
    { description: 'unigrams are not padded', value: 'mf', n: 1, positional: false, tokens: ['m', 'f'] },
    { description: 'a single letter still gives two bigrams', value: 'j', n: 2, positional: false, tokens: [' j', 'j '] },
  ])('$description', ({ value, n, positional, tokens }) => {
    expect(tokenize(value, n, positional)).toEqual(tokens);
  });
});

describe('bitsPerTokenList', () => {
  it('spreads bitsPerFeature over the tokens exactly, the first tokens taking the remainder', () => {
    expect(bitsPerTokenList(3, { bitsPerFeature: 100 })).toEqual([34, 33, 33]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 500 }), (tokens, bits) => {
      const ks = bitsPerTokenList(tokens, { bitsPerFeature: bits });
      expect(ks.reduce((a, b) => a + b, 0)).toBe(bits);
      expect(Math.max(...ks) - Math.min(...ks)).toBeLessThanOrEqual(1);
    }));
  });

  it('gives every token bitsPerToken', () => {
    expect(bitsPerTokenList(4, { bitsPerToken: 20 })).toEqual([20, 20, 20, 20]);
  });
});
