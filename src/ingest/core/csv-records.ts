/**
 * CSV records from streamed text, each with the line it ends on, exactly as csv-parse reads them
 * (`bom`, `relax_column_count`, `skip_empty_lines`, the record delimiter discovered from the first
 * line break) — but without its byte-by-byte state machine where a line holds nothing it would
 * treat specially. A line whose quoted fields all close on it (followed by the delimiter or the end
 * of the line), with no other quote and no stray carriage return or line feed, is split here; from
 * the first line that is not, the rest of the file goes through csv-parse's own parsing core,
 * started at that line (same records, same line numbers, same errors and messages).
 * `csv-records.test.ts` checks both against csv-parse on generated text.
 */
import { Parser, type CsvError } from 'csv-parse';

/** Receives each record with the line it ends on (1-based). */
export type OnCsvRecord = (record: string[], endLine: number) => void;

/** The synchronous core csv-parse's stream and sync parsers both drive (`Parser#api`). */
interface CsvParseCore {
  readonly info: { lines: number };
  parse(buffer: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): CsvError | undefined;
}

/**
 * The parser's core. `api` is csv-parse's own and undeclared, so package.json pins csv-parse's exact
 * version; should another version lack it, this says so instead of failing somewhere inside a load.
 */
export function coreOf(parser: Parser): CsvParseCore {
  const core = (parser as unknown as { api?: Partial<CsvParseCore> }).api;
  if (typeof core?.parse !== 'function' || typeof core.info?.lines !== 'number') {
    throw new Error('csv-parse no longer has the internal parser (Parser#api) the CSV reader drives: install the version package.json pins');
  }
  return core as CsvParseCore;
}

type Mode = 'undecided' | 'lf' | 'crlf' | 'parser';

const LF = 10;
const CR = 13;
const QUOTE = '"';
const QUOTE_CODE = 34;

/** Reads CSV text written to it piece by piece; `end()` after the last piece. Throws csv-parse's `CsvError`. */
export class CsvRecords {
  private mode: Mode = 'undecided';
  private pending = '';
  /** Lines read so far (the next line's number less one). */
  private lines = 0;
  private core: CsvParseCore | null = null;

  constructor(private readonly delimiter: string, private readonly onRecord: OnCsvRecord) {
    if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\r' || delimiter === '\n') this.mode = 'parser';
  }

  write(piece: string): void {
    if (this.mode === 'parser') return this.toCore(piece, false);
    const text = this.pending + piece;
    this.pending = '';
    if (this.mode === 'undecided') {
      if (text.charCodeAt(0) === 0xfeff) return this.handOver(text, 0, false);
      const first = firstBreak(text);
      if (first === -1 || (text.charCodeAt(first) === CR && first + 1 === text.length)) {
        this.pending = text;
        return;
      }
      // csv-parse takes the first line break outside quotes for the record delimiter
      const quote = text.indexOf(QUOTE);
      if (quote !== -1 && quote < first && lineFields(text, 0, first, this.delimiter) === null) return this.handOver(text, 0, false);
      if (text.charCodeAt(first) === LF) this.mode = 'lf';
      else if (text.charCodeAt(first + 1) === LF) this.mode = 'crlf';
      else return this.handOver(text, 0, false);
    }
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      this.pending = text;
      return;
    }
    const read = this.splitLines(text, this.safeEnd(text, last + 1));
    if (read <= last) return this.handOver(text, read, false);
    this.pending = text.slice(last + 1);
  }

  end(): void {
    if (this.mode === 'parser') return this.toCore(undefined, true);
    const text = this.pending;
    this.pending = '';
    if (text === '') return;
    const safe = this.mode !== 'undecided' && this.safeEnd(text, text.length) === text.length;
    const record = safe ? lineFields(text, 0, text.length, this.delimiter) : null;
    if (record === null) return this.handOver(text, 0, true);
    this.lines += 1;
    this.onRecord(record, this.lines);
  }

  /**
   * Where the lines this reader may split itself end, within `text[0, end)` (which ends at a line
   * break, or is the file's last line): the start of the first line holding a line break other than
   * the record delimiter (csv-parse counts it as a line, even inside quotes), or `end`.
   */
  private safeEnd(text: string, end: number): number {
    const stray = this.mode === 'lf' ? strayCr(text, end) : strayBreak(text, end);
    if (stray === -1) return end;
    return stray === 0 ? 0 : text.lastIndexOf('\n', stray - 1) + 1;
  }

  /**
   * Splits the whole lines of `text[0, end)` (`end` just after a line feed, or 0) up to the first
   * line csv-parse must read; gives where it stopped (`end` when it read them all).
   */
  private splitLines(text: string, end: number): number {
    const crlf = this.mode === 'crlf' ? 1 : 0;
    const { delimiter } = this;
    // the next delimiter and the next quote at or after the line being split (neither is CR or LF)
    let next = text.indexOf(delimiter);
    let quote = text.indexOf(QUOTE);
    for (let start = 0; start < end;) {
      const nl = text.indexOf('\n', start);
      const stop = nl - crlf;
      if (quote !== -1 && quote < stop) {
        const record = lineFields(text, start, stop, delimiter);
        if (record === null) return start;
        this.lines += 1;
        this.onRecord(record, this.lines);
        quote = text.indexOf(QUOTE, nl);
        if (next !== -1 && next < nl) next = text.indexOf(delimiter, nl);
      } else {
        this.lines += 1;
        if (stop > start) {
          const record: string[] = [];
          let from = start;
          while (next !== -1 && next < stop) {
            record.push(text.slice(from, next));
            from = next + 1;
            next = text.indexOf(delimiter, from);
          }
          record.push(text.slice(from, stop));
          this.onRecord(record, this.lines);
        }
      }
      start = nl + 1;
    }
    return end;
  }

  /** From `text[from…]` on, csv-parse reads the file, starting at the line after those read here. */
  private handOver(text: string, from: number, end: boolean): void {
    const started = this.lines > 0 || this.mode === 'lf' || this.mode === 'crlf';
    const recordDelimiter = this.mode === 'lf' ? '\n' : this.mode === 'crlf' ? '\r\n' : undefined;
    const parser = new Parser({
      delimiter: this.delimiter, bom: !started, relax_column_count: true, skip_empty_lines: true,
      ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
    });
    this.core = coreOf(parser);
    this.core.info.lines = this.lines + 1;
    this.mode = 'parser';
    const rest = text.slice(from);
    if (end) return this.toCore(rest === '' ? undefined : rest, true);
    if (rest !== '') this.toCore(rest, false);
  }

  private toCore(text: string | undefined, end: boolean): void {
    const core = this.core!;
    const error = core.parse(text === undefined ? undefined : Buffer.from(text), end, (record) => this.onRecord(record, core.info.lines), () => undefined);
    if (error !== undefined) throw error;
  }
}

/**
 * The fields of the line `text[start, stop)` as csv-parse reads them, quoted fields unquoted (`""`
 * inside is one quote); null where csv-parse may read it otherwise: a quoted field not closed on the
 * line, or closed before anything but the delimiter, or a quote inside an unquoted field (an error,
 * or a field running on to the next line: csv-parse decides).
 */
export function lineFields(text: string, start: number, stop: number, delimiter: string): string[] | null {
  const record: string[] = [];
  let from = start;
  for (;;) {
    if (from < stop && text.charCodeAt(from) === QUOTE_CODE) {
      let value = '';
      let at = from + 1;
      let quote = text.indexOf(QUOTE, at);
      while (quote !== -1 && quote + 1 < stop && text.charCodeAt(quote + 1) === QUOTE_CODE) {
        value += text.slice(at, quote + 1);
        at = quote + 2;
        quote = text.indexOf(QUOTE, at);
      }
      if (quote === -1 || quote >= stop) return null;
      record.push(value + text.slice(at, quote));
      if (quote + 1 === stop) return record;
      if (text[quote + 1] !== delimiter) return null;
      from = quote + 2;
      continue;
    }
    let to = text.indexOf(delimiter, from);
    if (to === -1 || to > stop) to = stop;
    const quote = text.indexOf(QUOTE, from);
    if (quote !== -1 && quote < to) return null;
    record.push(text.slice(from, to));
    if (to === stop) return record;
    from = to + 1;
  }
}

/** The first line break (CR or LF), or -1. */
function firstBreak(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
}

/** The first carriage return before `end` (in a file whose records end with LF alone, data csv-parse counts as a line), or -1. */
function strayCr(text: string, end: number): number {
  const cr = text.indexOf('\r');
  return cr !== -1 && cr < end ? cr : -1;
}

/** The first CR not followed by LF, or LF not preceded by CR, before `end` (in a file whose records end with CRLF), or -1. */
function strayBreak(text: string, end: number): number {
  let stray = -1;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) {
    if (at === 0 || text.charCodeAt(at - 1) !== CR) {
      stray = at;
      break;
    }
  }
  const limit = stray === -1 ? end : stray;
  for (let at = text.indexOf('\r'); at !== -1 && at < limit; at = text.indexOf('\r', at + 1)) {
    if (at + 1 >= end || text.charCodeAt(at + 1) !== LF) return at;
  }
  return stray;
}
