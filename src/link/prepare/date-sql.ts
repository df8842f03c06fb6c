/**
 * Dates in SQL: a raw column in a named format becomes `YYYY-MM-DD`. A value of the right shape
 * keeps its digits even when it is no real date (`1987-13-45`), so that string comparison levels
 * can still see a typo; date arithmetic levels treat it as missing.
 */
import { DATE_FORMATS } from '../../ingest/mapping-schema.ts';

export type DateFormat = (typeof DATE_FORMATS)[number];

/** Each format as a pattern and the capture groups holding year, month and day. */
const PATTERNS: Record<Exclude<DateFormat, 'auto'>, { pattern: string; ymd: [number, number, number] }> = {
  'YYYY-MM-DD': { pattern: '^(\\d{4})-(\\d{1,2})-(\\d{1,2})$', ymd: [1, 2, 3] },
  ISO: { pattern: '^(\\d{4})-(\\d{2})-(\\d{2})([T ].*)?$', ymd: [1, 2, 3] },
  YYYYMMDD: { pattern: '^(\\d{4})(\\d{2})(\\d{2})$', ymd: [1, 2, 3] },
  'DD/MM/YYYY': { pattern: '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', ymd: [3, 2, 1] },
  'DD-MM-YYYY': { pattern: '^(\\d{1,2})-(\\d{1,2})-(\\d{4})$', ymd: [3, 2, 1] },
  'MM/DD/YYYY': { pattern: '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', ymd: [3, 1, 2] },
};

/** `auto` tries the unambiguous forms, then the UK day-first form. */
const AUTO: Array<Exclude<DateFormat, 'auto'>> = ['YYYY-MM-DD', 'ISO', 'YYYYMMDD', 'DD/MM/YYYY', 'DD-MM-YYYY'];

/** Whether a name is a supported date format. */
export function isDateFormat(name: string): name is DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(name);
}

function oneFormat(value: string, format: Exclude<DateFormat, 'auto'>): string {
  const { pattern, ymd: [y, m, d] } = PATTERNS[format];
  const group = (i: number, pad: number) => `lpad(regexp_extract(${value}, '${pattern}', ${i}), ${pad}, '0')`;
  return `CASE WHEN regexp_matches(${value}, '${pattern}') THEN ${group(y, 4)} || '-' || ${group(m, 2)} || '-' || ${group(d, 2)} END`;
}

/** The SQL turning a raw date column into `YYYY-MM-DD` (NULL when it does not fit the format). */
export function dateSql(c: string, format: DateFormat): string {
  const value = `trim(${c})`;
  const formats = format === 'auto' ? AUTO : [format];
  const tries = formats.map((f) => oneFormat(value, f));
  return tries.length === 1 ? tries[0]! : `coalesce(${tries.join(', ')})`;
}

/** The SQL telling whether a raw non-empty value failed to parse. */
export function dateUnreadableSql(c: string, format: DateFormat): string {
  return `(nullif(trim(${c}), '') IS NOT NULL AND (${dateSql(c, format)}) IS NULL)`;
}
