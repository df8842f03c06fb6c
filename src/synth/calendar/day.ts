/**
 * Calendar days as integers (days since 1970-01-01), so that the generator never touches a
 * local-time `Date`. Conversions follow Howard Hinnant's civil-calendar algorithms.
 */

/** A calendar day: whole days since 1970-01-01. */
export type Day = number;

export const DAYS_PER_YEAR = 365.2425;

/** The day of a civil date (month 1–12). */
export function dayOf(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day. */
export function civilOf(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** Parses `YYYY-MM-DD`. */
export function parseIsoDay(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a date as YYYY-MM-DD`);
  const [, y, m, d] = match;
  const day = dayOf(Number(y), Number(m), Number(d));
  if (isoDay(day) !== text) throw new RangeError(`"${text}" is not a real calendar date`);
  return day;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** `YYYY-MM-DD`. */
export function isoDay(day: Day): string {
  const c = civilOf(day);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** `DD/MM/YYYY`. */
export function dmySlash(day: Day): string {
  const c = civilOf(day);
  return `${pad2(c.day)}/${pad2(c.month)}/${pad4(c.year)}`;
}

/** `YYYYMMDD`. */
export function ymdCompact(day: Day): string {
  const c = civilOf(day);
  return `${pad4(c.year)}${pad2(c.month)}${pad2(c.day)}`;
}

/** The same calendar date `years` later (29 February becomes 28 February in a common year). */
export function addYears(day: Day, years: number): Day {
  const c = civilOf(day);
  const target = c.year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayOf(target, c.month, c.month === 2 && c.day === 29 && !leap ? 28 : c.day);
}

/** Whole years of age on `day` for someone born on `dob`. */
export function ageOn(dob: Day, day: Day): number {
  const b = civilOf(dob), c = civilOf(day);
  const age = c.year - b.year;
  return c.month < b.month || (c.month === b.month && c.day < b.day) ? age - 1 : age;
}

/** Years (fractional) between two days. */
export function yearsBetween(from: Day, to: Day): number {
  return (to - from) / DAYS_PER_YEAR;
}

/** Days in a number of (average) years, rounded. */
export function daysIn(years: number): number {
  return Math.round(years * DAYS_PER_YEAR);
}
