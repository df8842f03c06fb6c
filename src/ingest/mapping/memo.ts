/**
 * Standardisers are pure and an extract repeats its values (names, dates of birth, event dates,
 * postcodes): each is worked out once per distinct text and remembered, up to a bound (then the
 * memory starts afresh), so a file of any size holds at most that many results.
 */
import { normaliseName, normalisePostcode, parseDate, type DateFormat } from '../../standardise/index.ts';

const LIMIT = 50_000;

/** `fn` remembered per distinct text (at most LIMIT texts at a time). */
export function memoised<T>(fn: (text: string) => T): (text: string) => T {
  let held = new Map<string, T>();
  return (text) => {
    const known = held.get(text);
    if (known !== undefined || held.has(text)) return known as T;
    const value = fn(text);
    if (held.size >= LIMIT) held = new Map();
    held.set(text, value);
    return value;
  };
}

const byFormat = new Map<string, (text: string) => ReturnType<typeof parseDate>>();

/** `parseDate`, remembered per format and text (its results are read, never changed). */
export function parseDateMemo(text: string, format: DateFormat): ReturnType<typeof parseDate> {
  let parse = byFormat.get(format);
  if (!parse) byFormat.set(format, (parse = memoised((t) => parseDate(t, format))));
  return parse(text);
}

export const normaliseNameMemo = memoised((text: string) => normaliseName(text));
export const normalisePostcodeMemo = memoised((text: string) => normalisePostcode(text));
