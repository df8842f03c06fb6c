import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, normalisePostcode, parseDate } from '../../standardise/index.ts';
import { memoised, normaliseNameMemo, normalisePostcodeMemo, parseDateMemo } from './memo.ts';

describe('memoised standardisers', () => {
  it('give what the standardisers give, asked once or many times', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }), (texts) => {
      for (const text of [...texts, ...texts]) {
        expect(normaliseNameMemo(text)).toEqual(normaliseName(text));
        expect(normalisePostcodeMemo(text)).toEqual(normalisePostcode(text));
        expect(parseDateMemo(text, 'DD/MM/YYYY')).toEqual(parseDate(text, 'DD/MM/YYYY'));
        expect(parseDateMemo(text, 'auto')).toEqual(parseDate(text, 'auto'));
      }
    }));
    expect(parseDateMemo('03/02/2001', 'DD/MM/YYYY')).toEqual({ ok: true, value: '2001-02-03' });
    expect(parseDateMemo('03/02/2001', 'MM/DD/YYYY')).toEqual({ ok: true, value: '2001-03-02' });
  });

  it('works each text out once, null results included, and stays bounded', () => {
    let calls = 0;
    const memo = memoised((text: string) => { calls += 1; return text === 'x' ? null : text.length; });
    expect([memo('x'), memo('x'), memo('ab'), memo('ab')]).toEqual([null, null, 2, 2]);
    expect(calls).toBe(2);
    for (let i = 0; i < 60_000; i += 1) memo(String(i));
    expect(memo('59999')).toBe(5);
    expect(calls).toBe(2 + 60_000);
  });
});
