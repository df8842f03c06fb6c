import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyNameVariants } from './family-name.ts';
import { normaliseName } from './name.ts';

describe('familyNameVariants', () => {
  it.each([
    { description: 'hyphenated double-barrelled', family: 'smith-jones', expected: ['smith jones', 'smith', 'jones'] },
    { description: 'spaced double-barrelled', family: 'smith jones', expected: ['smith jones', 'smith', 'jones'] },
    { description: 'raw case and punctuation', family: "O'Brien-Kelly", expected: ['obrien kelly', 'obrien', 'kelly'] },
    { description: 'single name', family: 'Patel', expected: ['patel'] },
    { description: 'particles are not variants', family: 'van der Berg', expected: ['van der berg', 'berg'] },
    { description: 'repeated part listed once', family: 'Smith-Smith', expected: ['smith smith', 'smith'] },
    { description: 'empty', family: ' - ', expected: [] },
  ])('$description', ({ family, expected }) => {
    expect(familyNameVariants(family)).toEqual(expected);
  });

  it('never throws; the whole name comes first, each variant is made of its words, none repeats', () => {
    fc.assert(fc.property(fc.string(), (family) => {
      const variants = familyNameVariants(family);
      expect(new Set(variants).size).toBe(variants.length);
      const [whole, ...parts] = variants;
      expect(whole).toBe(normaliseName(family) ?? undefined);
      for (const part of parts) expect(whole?.split(' ')).toContain(part);
    }));
  });
});
