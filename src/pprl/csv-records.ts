/**
 * The CSV reading `pprl encode` needs, fast: records as arrays of fields, and a file's bytes cut
 * into chunks at record boundaries so that worker threads can each parse their own chunk.
 * Dialect (as csv-parse with `bom`, `trim`, `skip_empty_lines`, `relax_column_count`): comma
 * separated, `"` quotes with `""` for a quote inside them (quoted fields may hold commas and line
 * breaks), LF or CRLF line ends, whitespace around fields trimmed, empty lines skipped. A quote
 * inside an unquoted field, text after a closing quote, or an unclosed quote is an error.
 */

/** A CSV error: `reason` says what is wrong with the `record`-th record (1-based) of the text parsed. */
export class CsvError extends Error {
  constructor(readonly reason: string, readonly record: number) {
    super(`record ${record}: ${reason}`);
  }
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** The byte offset just after the first record (the header) in `bytes` from `start`, quote-aware; `bytes.length` if there is only one. */
export function endOfFirstRecord(bytes: Uint8Array, start: number): number {
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) quoted = !quoted;
    else if (b === NEWLINE && !quoted) return i + 1;
  }
  return bytes.length;
}

/**
 * Cuts `bytes[start, end)` into chunks of about `target` bytes that end at record boundaries (a
 * line break outside quotes). Returns the boundaries: chunk i is `[cuts[i], cuts[i + 1])`.
 */
export function chunkBoundaries(bytes: Uint8Array, start: number, end: number, target: number): number[] {
  const cuts = [start];
  const quotes = bytes.subarray(start, end).indexOf(QUOTE) >= 0;
  let quoted = false;
  let scanned = start;
  while (end - cuts.at(-1)! > target) {
    const want = cuts.at(-1)! + target;
    let cut = -1;
    if (!quotes) {
      const nl = bytes.indexOf(NEWLINE, want);
      cut = nl < 0 || nl >= end ? -1 : nl + 1;
    } else {
      // Track quote parity from where the last scan stopped: a newline outside quotes ends a record.
      for (let i = scanned; i < end; i++) {
        const b = bytes[i]!;
        if (b === QUOTE) quoted = !quoted;
        else if (b === NEWLINE && !quoted && i >= want) { cut = i + 1; scanned = cut; break; }
      }
    }
    if (cut < 0 || cut >= end) break;
    cuts.push(cut);
  }
  cuts.push(end);
  return cuts;
}

/**
 * Parses CSV text into records (arrays of trimmed fields), calling `onRecord` for each non-empty
 * one; errors number the records from 1.
 */
export function parseCsvText(text: string, onRecord: (fields: string[]) => void): void {
  let pos = 0;
  let record = 1;
  const length = text.length;
  let quote = -1;
  while (pos < length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = length;
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
    if (quote < pos) { quote = text.indexOf('"', pos); if (quote < 0) quote = length; }
    if (quote >= lineEnd) {
      // The common case: a line without quotes.
      if (lineEnd > pos) {
        const fields = text.slice(pos, lineEnd).split(',');
        for (let i = 0; i < fields.length; i++) fields[i] = fields[i]!.trim();
        if (fields.length > 1 || fields[0] !== '') { onRecord(fields); record++; }
      }
      pos = nl + 1;
      continue;
    }
    pos = parseQuotedRecord(text, pos, record, onRecord);
    record++;
  }
}

/** Parses one record that holds a quote, character by character; returns the position after it. */
function parseQuotedRecord(text: string, start: number, record: number, onRecord: (fields: string[]) => void): number {
  const fields: string[] = [];
  let pos = start;
  const length = text.length;
  for (;;) {
    // One field: skip leading blanks, then a quoted or an unquoted value.
    while (pos < length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
    let value: string;
    if (text[pos] === '"') {
      let out = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvError(`a quoted field is never closed (a missing " ?)`, record);
        out += text.slice(from, q);
        if (text[q + 1] === '"') { out += '"'; from = q + 2; continue; }
        pos = q + 1;
        break;
      }
      while (pos < length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
      const next = text[pos];
      if (pos < length && next !== ',' && next !== '\n' && !(next === '\r' && text[pos + 1] === '\n')) {
        throw new CsvError(`text after a closing quote (${JSON.stringify(text.slice(pos, pos + 10))}); quote the whole field and write a quote inside it as ""`, record);
      }
      value = out;
    } else {
      let end = pos;
      while (end < length && text[end] !== ',' && text[end] !== '\n') end++;
      const raw = text.slice(pos, end);
      if (raw.includes('"')) {
        throw new CsvError(`a quote inside an unquoted field (${JSON.stringify(raw.trim())}); quote the whole field and write a quote inside it as ""`, record);
      }
      value = raw.trim();
      pos = end;
    }
    fields.push(value);
    if (pos >= length) break;
    if (text[pos] === ',') { pos++; continue; }
    pos += text[pos] === '\r' ? 2 : 1;
    break;
  }
  onRecord(fields);
  return pos;
}
