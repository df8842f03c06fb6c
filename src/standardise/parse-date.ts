import { impossibility, isoDate } from './calendar.ts';

/** How a date column is written (the list of `DATE_FORMATS` in the mapping schema). */
export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'YYYYMMDD' | 'DD-MM-YYYY' | 'MM/DD/YYYY' | 'ISO' | 'auto';
export type DateErrorCode = 'DATE_EMPTY' | 'DATE_UNPARSEABLE' | 'DATE_IMPOSSIBLE' | 'DATE_OUT_OF_RANGE';
export type DateResult = { ok: true; value: string } | { ok: false; code: DateErrorCode; message: string };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A time of day (and zone) after the date, as spreadsheets and ISO date-times write it; ignored. */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[AP]M)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const shape = (date: string) => new RegExp(`^${date}${TIME}$`, 'i');
const YMD = shape(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`);
const YMD_SLASH = shape(String.raw`(\d{4})/(\d{1,2})/(\d{1,2})`);
const COMPACT = shape(String.raw`(\d{4})(\d{2})(\d{2})`);
const NN_SLASH = shape(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`);
const NN_DASH = shape(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`);
const NN_ANY = shape(String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`);

type Ymd = [year: number, month: number, day: number];
type Reader = (text: string) => Ymd | null;

const numbers = (m: RegExpExecArray | null): number[] | null => (m ? m.slice(1, 4).map(Number) : null);
const ymd = (re: RegExp): Reader => (t) => numbers(re.exec(t)) as Ymd | null;
const dmy = (re: RegExp): Reader => (t) => { const n = numbers(re.exec(t)); return n ? [n[2], n[1], n[0]] as Ymd : null; };
const mdy = (re: RegExp): Reader => (t) => { const n = numbers(re.exec(t)); return n ? [n[2], n[0], n[1]] as Ymd : null; };

/** NN/NN/YYYY is day first (UK), unless only the month-first reading is a real date. */
const autoDayMonth: Reader = (t) => {
  const uk = dmy(NN_ANY)(t);
  const us = mdy(NN_ANY)(t);
  if (uk && us && impossibility(...uk) !== null && impossibility(...us) === null) return us;
  return uk;
};

const READERS: Record<DateFormat, Reader> = {
  'YYYY-MM-DD': ymd(YMD),
  'DD/MM/YYYY': dmy(NN_SLASH),
  YYYYMMDD: ymd(COMPACT),
  'DD-MM-YYYY': dmy(NN_DASH),
  'MM/DD/YYYY': mdy(NN_SLASH),
  ISO: ymd(YMD),
  auto: (t) => ymd(YMD)(t) ?? ymd(YMD_SLASH)(t) ?? ymd(COMPACT)(t) ?? autoDayMonth(t),
};

/** The formats `parseDate` understands (the keys of its readers). */
export const PARSED_DATE_FORMATS = Object.keys(READERS) as DateFormat[];

/**
 * Parses a date written in the given format to `YYYY-MM-DD`. A trailing time of day is ignored;
 * `auto` reads YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD and NN/NN/YYYY (also with - or .), day first
 * unless only month first makes a real date.
 *
 * @example parseDate('31/01/2010', 'DD/MM/YYYY') // { ok: true, value: '2010-01-31' }
 */
export function parseDate(raw: string | null | undefined, format: DateFormat): DateResult {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, code: 'DATE_EMPTY', message: 'date is empty' };
  const parts = READERS[format]?.(text) ?? null;
  if (parts === null) {
    return { ok: false, code: 'DATE_UNPARSEABLE', message: `"${text}" is not a date in the form ${format}` };
  }
  const [year, month, day] = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, code: 'DATE_OUT_OF_RANGE', message: `"${text}" has the year ${year}, outside ${MIN_YEAR}–${MAX_YEAR}` };
  }
  const why = impossibility(year, month, day);
  if (why !== null) return { ok: false, code: 'DATE_IMPOSSIBLE', message: `"${text}" is not a real date: ${why}` };
  return { ok: true, value: isoDate(year, month, day) };
}
