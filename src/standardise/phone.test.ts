import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

/** Numbers from Ofcom's ranges reserved for drama and examples. */
describe('normalisePhone', () => {
  it.each([
    { description: 'mobile, spaced', raw: '07700 900123', expected: '07700900123' },
    { description: 'London, +44 with (0)', raw: '+44 (0)20 7946 0123', expected: '02079460123' },
    { description: '+44 without (0)', raw: '+447700900123', expected: '07700900123' },
    { description: '0044 prefix', raw: '0044 7700 900123', expected: '07700900123' },
    { description: 'bare 44 country code', raw: '447700900123', expected: '07700900123' },
    { description: 'brackets and spaces', raw: '(0113) 496 0000', expected: '01134960000' },
    { description: 'dashes', raw: '0161-496-0000', expected: '01614960000' },
    { description: 'leading zero lost in a spreadsheet', raw: '7700900123', expected: '07700900123' },
    { description: 'ten-digit national number', raw: '016977 4000', expected: '0169774000' },
    { description: 'another country', raw: '+33 1 23 45 67 89', expected: null },
    { description: 'another country with 00', raw: '0033 123456789', expected: null },
    { description: 'too short', raw: '0113 496', expected: null },
    { description: 'too long', raw: '077009001234', expected: null },
    { description: 'letters only', raw: 'ex-directory', expected: null },
    { description: 'empty', raw: '', expected: null },
    { description: 'null', raw: null, expected: null },
  ])('$description', ({ raw, expected }) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('never throws; output is 0 and 9–10 more digits and normalises to itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 ()-]{8,16}$/)), (raw) => {
      const phone = normalisePhone(raw);
      if (phone === null) return;
      expect(phone).toMatch(/^0\d{9,10}$/);
      expect(normalisePhone(phone)).toBe(phone);
    }));
  });
});
