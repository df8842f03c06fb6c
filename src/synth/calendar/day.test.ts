import { describe, expect, it } from 'vitest';
import { addYears, ageOn, dayOf, dmySlash, isoDay, parseIsoDay, ymdCompact } from './day.ts';
import { academicYearOf, censusDay, ncYear } from './school-year.ts';

describe('calendar days', () => {
  it.each([
    { description: 'the epoch', iso: '1970-01-01', day: 0 },
    { description: 'a leap day', iso: '2024-02-29', day: 19782 },
    { description: 'before the epoch', iso: '1969-12-31', day: -1 },
    { description: 'the extract date', iso: '2026-03-31', day: 20543 },
  ])('$description: $iso is day $day and back', ({ iso, day }) => {
    expect(parseIsoDay(iso)).toBe(day);
    expect(isoDay(day)).toBe(iso);
  });

  it.each([
    { description: 'DD/MM/YYYY', format: dmySlash, expected: '05/03/2011' },
    { description: 'YYYYMMDD', format: ymdCompact, expected: '20110305' },
  ])('formats $description', ({ format, expected }) => {
    expect(format(dayOf(2011, 3, 5))).toBe(expected);
  });

  it.each([
    { description: 'a birthday not yet reached', dob: '2010-06-15', on: '2026-03-31', age: 15 },
    { description: 'on the birthday', dob: '2010-03-31', on: '2026-03-31', age: 16 },
    { description: 'a leap-day birth in a common year', dob: '2008-02-29', on: '2026-02-28', age: 17 },
  ])('age: $description', ({ dob, on, age }) => {
    expect(ageOn(parseIsoDay(dob), parseIsoDay(on))).toBe(age);
  });

  it('refuses an impossible date and moves 29 February to the 28th', () => {
    expect(() => parseIsoDay('2023-02-29')).toThrow(/not a real calendar date/);
    expect(isoDay(addYears(parseIsoDay('2024-02-29'), 1))).toBe('2025-02-28');
  });
});

describe('school calendar', () => {
  it.each([
    { description: 'the spring census of 2025/26 is the third Thursday of January 2026', year: 2025, census: '2026-01-15' },
    { description: 'and of 2023/24', year: 2023, census: '2024-01-18' },
  ])('$description', ({ year, census }) => {
    expect(isoDay(censusDay(year))).toBe(census);
  });

  it.each([
    { description: 'born in September: Reception the September after turning four', dob: '2015-09-01', year: 2020, nc: 0 },
    { description: 'born in August: the youngest of the same year group', dob: '2016-08-31', year: 2020, nc: 0 },
    { description: 'Year 11 at fifteen turning sixteen', dob: '2009-10-10', year: 2025, nc: 11 },
  ])('$description', ({ dob, year, nc }) => {
    expect(ncYear(parseIsoDay(dob), year)).toBe(nc);
  });

  it('puts 31 August in the academic year that began the previous September', () => {
    expect(academicYearOf(dayOf(2026, 8, 31))).toBe(2025);
    expect(academicYearOf(dayOf(2026, 9, 1))).toBe(2026);
  });
});
