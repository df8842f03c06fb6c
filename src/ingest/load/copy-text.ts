/**
 * PostgreSQL's COPY text format, for bulk writes: one row a line, fields separated by tabs, `\N`
 * for NULL, and backslash, tab, line feed and carriage return escaped with a backslash.
 */

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field: NULL for null or undefined; booleans as `t`/`f`; anything else as its string.
 * @example copyField('a\tb') // 'a\\tb'
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text;
}

/** A JSON value as one field (NULL for null or undefined). */
export const copyJson = (value: unknown): string => (value === null || value === undefined ? '\\N' : copyField(JSON.stringify(value)));
