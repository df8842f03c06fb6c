/** Encoding values for the extracts' text formats: CSV fields, XML text, fixed-width fields. */

/** Whether a CSV field must be quoted (a comma, a quote or a line break in it). */
function needsQuotes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/** One CSV line (RFC 4180 quoting), with its newline; null and undefined are empty fields. */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += ',';
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') line += v;
    else line += needsQuotes(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }
  return `${line}\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text escaped for XML content or attribute values. */
export function xmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

/** A fixed-width field: left-aligned, space-padded, cut to `length`. */
export function fixed(value: string | null | undefined, length: number): string {
  const text = value ?? '';
  return text.length >= length ? text.slice(0, length) : text + ' '.repeat(length - text.length);
}
