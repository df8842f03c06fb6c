import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePncId, pncCheckLetter } from './pnc-id.ts';

describe('pncCheckLetter', () => {
  it.each([
    { description: '190123456 mod 23 = 4', year: '2019', sequence: '123456', expected: 'E' },
    { description: 'short sequence is zero-padded', year: '1998', sequence: '45', expected: 'P' },
    { description: 'full 7-digit sequence', year: '2003', sequence: '1234567', expected: 'Q' },
    { description: 'two-digit year gives the same letter', year: '19', sequence: '123456', expected: 'E' },
  ])('$description', ({ year, sequence, expected }) => {
    expect(pncCheckLetter(year, sequence)).toBe(expected);
  });
});

describe('normalisePncId', () => {
  it.each([
    { description: 'canonical', raw: '2019/0123456E', expected: { ok: true, value: '2019/0123456E' } },
    { description: 'unpadded sequence, lower case', raw: '2019/123456e', expected: { ok: true, value: '2019/0123456E' } },
    { description: 'no slash, fixed width', raw: '20190123456E', expected: { ok: true, value: '2019/0123456E' } },
    { description: 'two-digit year 19 is 2019', raw: '19/123456E', expected: { ok: true, value: '2019/0123456E' } },
    { description: 'two-digit year 98 is 1998', raw: '98/45P', expected: { ok: true, value: '1998/0000045P' } },
    { description: 'spaces', raw: ' 2003 / 1234567 Q ', expected: { ok: true, value: '2003/1234567Q' } },
    { description: 'null', raw: null, code: 'ID_EMPTY' },
    { description: 'blank', raw: ' ', code: 'ID_EMPTY' },
    { description: 'eight-digit sequence', raw: '2019/01234567E', code: 'ID_FORMAT' },
    { description: 'no check letter', raw: '2019/0123456', code: 'ID_FORMAT' },
    { description: 'three-digit year', raw: '201/0123456E', code: 'ID_FORMAT' },
    { description: 'year 1850', raw: '1850/0123456E', code: 'ID_FORMAT' },
    { description: 'no slash, short sequence is ambiguous', raw: '2019123456E', code: 'ID_FORMAT' },
    { description: 'wrong check letter', raw: '2019/0123456F', code: 'ID_CHECK_DIGIT' },
  ])('$description', ({ raw, expected, code }) => {
    const result = normalisePncId(raw);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      expect(typeof normalisePncId(raw).ok).toBe('boolean');
    }));
  });

  it('accepts every generated id and is idempotent on its output', () => {
    const id = fc.record({ year: fc.integer({ min: 1970, max: 2069 }), sequence: fc.integer({ min: 0, max: 9_999_999 }) });
    fc.assert(fc.property(id, ({ year, sequence }) => {
      const raw = `${year}/${sequence}${pncCheckLetter(String(year), String(sequence))}`;
      const result = normalisePncId(raw);
      expect(result.ok).toBe(true);
      if (result.ok) expect(normalisePncId(result.value)).toEqual(result);
    }));
  });
});
