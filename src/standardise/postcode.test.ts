import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUkPostcode, normalisePostcode } from './postcode.ts';

describe('normalisePostcode', () => {
  it.each([
    { description: 'AA9A, compact lower case', raw: 'sw1a1aa', full: 'SW1A 1AA', sector: 'SW1A 1', district: 'SW1A', area: 'SW' },
    { description: 'A9, spaced', raw: 'M1 1AE', full: 'M1 1AE', sector: 'M1 1', district: 'M1', area: 'M' },
    { description: 'A99', raw: 'b338th', full: 'B33 8TH', sector: 'B33 8', district: 'B33', area: 'B' },
    { description: 'AA9', raw: ' CR2 6XH ', full: 'CR2 6XH', sector: 'CR2 6', district: 'CR2', area: 'CR' },
    { description: 'AA99', raw: 'DN55  1PT', full: 'DN55 1PT', sector: 'DN55 1', district: 'DN55', area: 'DN' },
    { description: 'A9A', raw: 'W1A 0AX', full: 'W1A 0AX', sector: 'W1A 0', district: 'W1A', area: 'W' },
    { description: 'AA9A', raw: 'ec1a 1bb', full: 'EC1A 1BB', sector: 'EC1A 1', district: 'EC1A', area: 'EC' },
    { description: 'spaces inside', raw: 'L S 1 1 U R', full: 'LS1 1UR', sector: 'LS1 1', district: 'LS1', area: 'LS' },
    { description: 'GIR 0AA', raw: 'gir0aa', full: 'GIR 0AA', sector: 'GIR 0', district: 'GIR', area: 'GIR' },
  ])('$description', ({ raw, full, sector, district, area }) => {
    const [outward, inward] = full.split(' ');
    expect(normalisePostcode(raw)).toEqual({ full, outward, inward, sector, district, area });
  });

  it.each([
    { description: 'null', raw: null },
    { description: 'empty', raw: '' },
    { description: 'outward code alone', raw: 'SW1A' },
    { description: 'Q is never a first letter', raw: 'QA1 1AA' },
    { description: 'Z is never a second letter', raw: 'AZ1 1AA' },
    { description: 'C is never an inward letter', raw: 'SW1A 1CA' },
    { description: 'letter O for zero in the inward code', raw: 'W1A OAX' },
    { description: 'no inward digit', raw: 'SW1A AAA' },
    { description: 'too long', raw: 'SW1A 1AAA' },
    { description: 'GIR with another inward', raw: 'GIR 1AA' },
    { description: 'punctuation', raw: 'SW1A-1AA' },
    { description: 'a US ZIP code', raw: '90210' },
    { description: 'full-width letters', raw: 'ＳＷ１Ａ１ＡＡ' },
  ])('refuses $description', ({ raw }) => {
    expect(normalisePostcode(raw)).toBeNull();
    expect(isUkPostcode(raw)).toBe(false);
  });

  it('never throws; its output normalises to itself', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const postcode = normalisePostcode(raw);
      if (postcode) expect(normalisePostcode(postcode.full)).toEqual(postcode);
    }));
  });

  it('accepts generated postcodes in any case and spacing', () => {
    const letter = (set: string) => fc.constantFrom(...set);
    const postcode = fc.tuple(
      letter('ABCDEFGHIJKLMNOPRSTUWYZ'), letter('ABCDEFGHKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 9 }), letter('ABDEFGHJLNPQRSTUWXYZ'), letter('ABDEFGHJLNPQRSTUWXYZ'), fc.boolean(),
    ).map(([a, b, district, sector, u1, u2, lower]) => {
      const text = `${a}${b}${district} ${sector}${u1}${u2}`;
      return lower ? text.toLowerCase().replace(' ', '') : text;
    });
    fc.assert(fc.property(postcode, (raw) => {
      expect(isUkPostcode(raw)).toBe(true);
      expect(normalisePostcode(raw)?.full.replace(' ', '')).toBe(raw.toUpperCase().replace(' ', ''));
    }));
  });
});
