import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSex } from './sex.ts';

describe('normaliseSex', () => {
  it.each([
    { description: 'M', raw: 'M', expected: 'M' },
    { description: 'male, padded', raw: ' Male ', expected: 'M' },
    { description: 'boy', raw: 'BOY', expected: 'M' },
    { description: 'NHS code 1', raw: '1', expected: 'M' },
    { description: 'f', raw: 'f', expected: 'F' },
    { description: 'female', raw: 'FEMALE', expected: 'F' },
    { description: 'girl', raw: 'Girl', expected: 'F' },
    { description: 'NHS code 2', raw: '2', expected: 'F' },
    { description: 'x', raw: 'X', expected: 'X' },
    { description: 'i', raw: 'I', expected: 'X' },
    { description: 'indeterminate', raw: 'Indeterminate', expected: 'X' },
    { description: 'not known code 0', raw: '0', expected: null },
    { description: 'not specified code 9', raw: '9', expected: null },
    { description: 'u', raw: 'U', expected: null },
    { description: 'unknown', raw: 'unknown', expected: null },
    { description: 'other', raw: 'other', expected: null },
    { description: 'prototype key is not a code', raw: 'constructor', expected: null },
    { description: 'empty', raw: '', expected: null },
    { description: 'null', raw: null, expected: null },
  ])('$description', ({ raw, expected }) => {
    expect(normaliseSex(raw)).toBe(expected);
  });

  it('never throws and gives only M, F, X or null', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      expect([null, 'M', 'F', 'X']).toContain(normaliseSex(raw));
    }));
  });
});
