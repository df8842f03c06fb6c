import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUpn, upnCheckLetter } from './upn.ts';

const body = fc.tuple(fc.stringMatching(/^\d{11}$/), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUVWXYZ'))
  .map(([digits, last]) => digits + last);

describe('upnCheckLetter', () => {
  it.each([
    { description: 'DfE example (sum 93, remainder 1)', body12: '801200005001', expected: 'B' },
    { description: 'remainder 13 is P (no I or O before it)', body12: '207000016049', expected: 'P' },
    { description: 'permanent UPN', body12: '930201512345', expected: 'G' },
    { description: 'temporary UPN: final A counts 0', body12: '93020151234A', expected: 'L' },
    { description: 'temporary UPN: final B counts 1', body12: '38520231007B', expected: 'X' },
  ])('$description', ({ body12, expected }) => {
    expect(upnCheckLetter(body12)).toBe(expected);
  });

  it('refuses a malformed body', () => {
    expect(() => upnCheckLetter('80120000500')).toThrow(RangeError);
    expect(() => upnCheckLetter('80120000A001')).toThrow(RangeError);
    expect(() => upnCheckLetter('80120000500I')).toThrow(RangeError);
  });
});

describe('normaliseUpn', () => {
  it.each([
    { description: 'permanent UPN', raw: 'B801200005001', expected: { ok: true, value: 'B801200005001' } },
    { description: 'lower case and spaces', raw: ' b801 2000 05001 ', expected: { ok: true, value: 'B801200005001' } },
    { description: 'temporary UPN', raw: 'L93020151234A', expected: { ok: true, value: 'L93020151234A' } },
    { description: 'null', raw: null, code: 'ID_EMPTY' },
    { description: 'blank', raw: '\t', code: 'ID_EMPTY' },
    { description: 'too short', raw: 'B80120000500', code: 'ID_FORMAT' },
    { description: 'letter in the middle', raw: 'X80120000A001', code: 'ID_FORMAT' },
    { description: 'I is never a check letter', raw: 'I801200005001', code: 'ID_FORMAT' },
    { description: 'digit first', raw: '1801200005001', code: 'ID_FORMAT' },
    { description: 'wrong check letter', raw: 'A801200005001', code: 'ID_CHECK_DIGIT' },
  ])('$description', ({ raw, expected, code }) => {
    const result = normaliseUpn(raw);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toMatchObject({ ok: false, code });
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      expect(typeof normaliseUpn(raw).ok).toBe('boolean');
    }));
  });

  it('accepts every generated UPN and refuses any other check letter', () => {
    fc.assert(fc.property(body, fc.constantFrom(...'ABCDEFGHJKLMNPQRTUVWXYZ'), (b, letter) => {
      const valid = upnCheckLetter(b);
      expect(normaliseUpn(valid + b)).toEqual({ ok: true, value: valid + b });
      expect(normaliseUpn(letter + b).ok).toBe(letter === valid);
    }));
  });
});
