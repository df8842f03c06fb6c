import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundex } from './soundex.ts';

describe('soundex', () => {
  it.each([
    { description: 'Robert', name: 'Robert', expected: 'R163' },
    { description: 'Rupert sounds like Robert', name: 'Rupert', expected: 'R163' },
    { description: 'Rubin is padded', name: 'Rubin', expected: 'R150' },
    { description: 'h does not separate equal codes', name: 'Ashcraft', expected: 'A261' },
    { description: 'vowel separates equal codes', name: 'Tymczak', expected: 'T522' },
    { description: 'second letter coded like the first is dropped', name: 'Pfister', expected: 'P236' },
    { description: 'Honeyman', name: 'Honeyman', expected: 'H555' },
    { description: 'all vowels after the first', name: 'Lee', expected: 'L000' },
    { description: 'diacritics folded', name: 'Müller', expected: 'M460' },
    { description: 'apostrophe and case ignored', name: "o'brien", expected: 'O165' },
    { description: 'spaces ignored', name: 'smith jones', expected: 'S532' },
    { description: 'no letters', name: '123 -', expected: '' },
    { description: 'empty', name: '', expected: '' },
  ])('$description', ({ name, expected }) => {
    expect(soundex(name)).toBe(expected);
  });

  it('never throws, and gives a letter and three digits or nothing', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (name) => {
      expect(soundex(name)).toMatch(/^(?:[A-Z]\d{3})?$/);
    }), { numRuns: 300 });
  });
});
