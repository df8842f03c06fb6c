/**
 * The English school calendar: academic years from 1 September, the National Curriculum year
 * of a pupil, and the spring school census day (the third Thursday of January).
 */
import { civilOf, dayOf, type Day } from './day.ts';

/** The calendar year in which the academic year holding `day` began (2025 for 2025/26). */
export function academicYearOf(day: Day): number {
  const c = civilOf(day);
  return c.month >= 9 ? c.year : c.year - 1;
}

/** The first day (1 September) of an academic year. */
export const academicYearStart = (year: number): Day => dayOf(year, 9, 1);

/** The last day (31 August) of an academic year. */
export const academicYearEnd = (year: number): Day => dayOf(year + 1, 8, 31);

/**
 * The National Curriculum year in `academicYear` of a child born on `dob`: 0 is Reception (the
 * September after the fourth birthday), 6 the last primary year, 11 the last compulsory year.
 */
export function ncYear(dob: Day, academicYear: number): number {
  return academicYear - academicYearOf(dob) - 5;
}

/** The spring census day of an academic year: the third Thursday of the January within it. */
export function censusDay(academicYear: number): Day {
  const first = dayOf(academicYear + 1, 1, 1);
  // 1970-01-01 (day 0) was a Thursday.
  const toThursday = ((-first % 7) + 7) % 7;
  return first + toThursday + 14;
}

/** `2025/26` for 2025. */
export function academicYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
