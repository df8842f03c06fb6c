import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nhsCheckDigit, normaliseNhsNumber } from './nhs-number.ts';

/** Nine digits whose modulus-11 check digit exists. */
const validPrefix = fc.stringMatching(/^\d{9}$/).filter((p) => nhsCheckDigit(p) !== null);

describe('nhsCheckDigit', () => {
  it.each([
    { description: 'ordinary prefix', first9: '999000001', expected: 8 },
    { description: 'sum 40, remainder 7', first9: '400000000', expected: 4 },
    { description: 'remainder 0: check digit 11 becomes 0', first9: '000000000', expected: 0 },
    { description: 'check digit 10 is impossible', first9: '999123456', expected: null },
    { description: 'another impossible prefix', first9: '123456789', expected: null },
  ])('$description', ({ first9, expected }) => {
    expect(nhsCheckDigit(first9)).toBe(expected);
  });

  it('refuses anything but nine digits', () => {
    expect(() => nhsCheckDigit('12345678')).toThrow(RangeError);
    expect(() => nhsCheckDigit('12345678a')).toThrow(RangeError);
  });
});

describe('normaliseNhsNumber', () => {
  it.each([
    { description: 'plain ten digits', raw: '9990000018', expected: { ok: true, value: '9990000018' } },
    { description: 'NHS 3-3-4 spacing', raw: '999 000 0018', expected: { ok: true, value: '9990000018' } },
    { description: 'dashes and padding', raw: '  999-765-4323 ', expected: { ok: true, value: '9997654323' } },
    { description: 'null', raw: null, code: 'ID_EMPTY' },
    { description: 'undefined', raw: undefined, code: 'ID_EMPTY' },
    { description: 'blank', raw: '   ', code: 'ID_EMPTY' },
    { description: 'nine digits', raw: '999000001', code: 'ID_FORMAT' },
    { description: 'eleven digits', raw: '99900000181', code: 'ID_FORMAT' },
    { description: 'a letter inside', raw: '99900O0018', code: 'ID_FORMAT' },
    { description: 'full-width digits', raw: '９９９００００１８', code: 'ID_FORMAT' },
    { description: 'wrong check digit', raw: '9990000017', code: 'ID_CHECK_DIGIT' },
    { description: 'prefix whose check digit would be 10', raw: '9991234560', code: 'ID_CHECK_DIGIT' },
  ])('$description', ({ raw, expected, code }) => {
    const result = normaliseNhsNumber(raw);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('shows the value in the message', () => {
    expect(normaliseNhsNumber('9990000017')).toMatchObject({ message: expect.stringContaining('9990000017') });
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      expect(typeof normaliseNhsNumber(raw).ok).toBe('boolean');
    }));
  });

  it('accepts every generated valid number', () => {
    fc.assert(fc.property(validPrefix, (p) => {
      expect(normaliseNhsNumber(`${p}${nhsCheckDigit(p)}`)).toEqual({ ok: true, value: `${p}${nhsCheckDigit(p)}` });
    }));
  });

  it('refuses any single-digit change of a valid number', () => {
    const change = fc.record({ prefix: validPrefix, position: fc.integer({ min: 0, max: 9 }), delta: fc.integer({ min: 1, max: 9 }) });
    fc.assert(fc.property(change, ({ prefix, position, delta }) => {
      const digits = [...`${prefix}${nhsCheckDigit(prefix)}`].map(Number);
      digits[position] = ((digits[position] as number) + delta) % 10;
      expect(normaliseNhsNumber(digits.join('')).ok).toBe(false);
    }));
  });
});
