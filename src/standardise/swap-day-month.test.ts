import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { swapDayMonth } from './swap-day-month.ts';

describe('swapDayMonth', () => {
  it.each([
    { description: 'both readings real', iso: '2010-03-04', expected: '2010-04-03' },
    { description: 'a leap day has no swap', iso: '2012-02-29', expected: null },
    { description: 'day above 12 cannot be a month', iso: '2010-03-25', expected: null },
    { description: 'day equals month: same date', iso: '2010-05-05', expected: null },
    { description: 'December and the 1st', iso: '2010-12-01', expected: '2010-01-12' },
    { description: 'impossible input', iso: '2010-02-30', expected: null },
    { description: 'not ISO', iso: '03/04/2010', expected: null },
    { description: 'empty', iso: '', expected: null },
  ])('$description', ({ iso, expected }) => {
    expect(swapDayMonth(iso)).toBe(expected);
  });

  it('never throws, and swapping twice gives the date back', () => {
    fc.assert(fc.property(fc.string(), (s) => { expect(swapDayMonth(s)).toBeNull(); }), { numRuns: 50 });
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(date, (d) => {
      const iso = d.toISOString().slice(0, 10);
      const swapped = swapDayMonth(iso);
      if (swapped !== null) expect(swapDayMonth(swapped)).toBe(iso);
      else expect(Number(iso.slice(8)) > 12 || iso.slice(5, 7) === iso.slice(8)).toBe(true);
    }));
  });
});
