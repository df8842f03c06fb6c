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

/** Node's Buffer writes UTF-8 with `utf8Write` (what `write` calls after normalising its arguments), undeclared in its types. */
type NodeBuffer = Buffer & { utf8Write(text: string, offset: number): number };

/**
 * Rows of COPY text written straight into bytes (no intermediate strings to join and encode): each
 * row's fields are appended in order with `field`, `json` or `plain`, separated by tabs, and the row
 * is ended with `end`. `take` hands over the bytes written and starts afresh.
 * @example new CopyRows().field('a\tb').field(null).end().take().toString() // 'a\\tb\t\\N\n'
 */
export class CopyRows {
  #bytes = Buffer.allocUnsafe(1 << 16);
  #at = 0;
  #row: string | null = null;
  /** Rows ended since the last `take`. */
  rows = 0;

  /** One field, as `copyField` writes it. */
  field(value: unknown): this {
    return this.plain(copyField(value));
  }

  /** A JSON value as one field, as `copyJson` writes it. */
  json(value: unknown): this {
    return this.plain(copyJson(value));
  }

  /** A field known to hold no backslash, tab or line break (a number, an ISO date, a fixed word), written as it is. */
  plain(text: string): this {
    // a row is gathered as a string and encoded once it ends: one call into Node's encoder a row, not one a field
    if (this.#row === null) this.#row = text;
    else this.#row += `\t${text}`;
    return this;
  }

  /** Ends the row. */
  end(): this {
    const row = `${this.#row ?? ''}\n`;
    this.#row = null;
    this.#room(row.length * 3);
    this.#at += (this.#bytes as NodeBuffer).utf8Write(row, this.#at);
    this.rows += 1;
    return this;
  }

  /** The bytes written so far; the writer starts afresh. */
  take(): Buffer {
    const written = this.#bytes.subarray(0, this.#at);
    this.#bytes = Buffer.allocUnsafe(Math.max(1 << 16, this.#at));
    this.#at = 0;
    this.#row = null;
    this.rows = 0;
    return written;
  }

  #room(bytes: number): void {
    if (this.#at + bytes <= this.#bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#at + bytes));
    this.#bytes.copy(larger, 0, 0, this.#at);
    this.#bytes = larger;
  }
}
