import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseNiNumber } from './ni-number.ts';

describe('normaliseNiNumber', () => {
  it.each([
    { description: 'compact', raw: 'AB123456C', expected: { ok: true, value: 'AB123456C' } },
    { description: 'HMRC spacing, lower case', raw: 'jg 10 37 59 a', expected: { ok: true, value: 'JG103759A' } },
    { description: 'dashes', raw: 'CE-12-34-56-D', expected: { ok: true, value: 'CE123456D' } },
    { description: 'null', raw: null, code: 'ID_EMPTY' },
    { description: 'empty', raw: '', code: 'ID_EMPTY' },
    { description: 'suffix E', raw: 'AB123456E', code: 'ID_FORMAT' },
    { description: 'no suffix', raw: 'AB123456', code: 'ID_FORMAT' },
    { description: 'five digits', raw: 'AB12345C', code: 'ID_FORMAT' },
    { description: 'QQ is the documentation example, never allocated', raw: 'QQ 12 34 56 C', code: 'ID_FORMAT' },
    { description: 'first letter D', raw: 'DA123456A', code: 'ID_FORMAT' },
    { description: 'first letter V', raw: 'VA123456A', code: 'ID_FORMAT' },
    { description: 'second letter O', raw: 'AO123456A', code: 'ID_FORMAT' },
    { description: 'O allowed first', raw: 'OA123456A', expected: { ok: true, value: 'OA123456A' } },
    { description: 'prefix GB', raw: 'GB123456A', code: 'ID_FORMAT' },
    { description: 'prefix NK', raw: 'NK123456A', code: 'ID_FORMAT' },
    { description: 'prefix TN (temporary)', raw: 'TN123456A', code: 'ID_FORMAT' },
    { description: 'prefix ZZ', raw: 'ZZ123456A', code: 'ID_FORMAT' },
  ])('$description', ({ raw, expected, code }) => {
    const result = normaliseNiNumber(raw);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('names the refused prefix', () => {
    expect(normaliseNiNumber('GB123456A')).toMatchObject({ message: expect.stringContaining('GB') });
  });

  it('never throws, and what it accepts is canonical', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const result = normaliseNiNumber(raw);
      if (result.ok) expect(result.value).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
    }));
  });
});
