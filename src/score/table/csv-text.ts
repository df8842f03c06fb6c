/**
 * A fast CSV parser for text held in memory (RFC 4180: comma-separated, fields optionally in double
 * quotes with `""` for a quote, CRLF or LF line ends, line breaks allowed inside quotes). Blank lines
 * are skipped. A quote inside an unquoted field is kept as text. Each record comes with the file line
 * it starts on.
 */

export interface CsvRecords {
  records: string[][];
  /** File line (1-based) where each record starts. */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const COMMA = 44, QUOTE = 34, LF = 10, CR = 13;

/** Parses CSV text (a leading byte-order mark is ignored). */
export function parseCsvText(input: string): CsvRecords {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      i++;
      line++;
      continue;
    }
    const start = line;
    const record: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw new CsvSyntaxError(`a quoted field opened on line ${line} is never closed`, line);
          value += text.slice(from, close);
          for (let k = from; k < close; k++) if (text.charCodeAt(k) === LF) line++;
          if (text.charCodeAt(close + 1) === QUOTE) { value += '"'; from = close + 2; continue; }
          i = close + 1;
          break;
        }
        let end = i;
        while (end < n && text.charCodeAt(end) !== COMMA && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
        field = value + text.slice(i, end);
        i = end;
      } else {
        let end = i;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === COMMA || d === LF || d === CR) break;
          end++;
        }
        field = text.slice(i, end);
        i = end;
      }
      record.push(field);
      if (i < n && text.charCodeAt(i) === COMMA) { i++; continue; }
      break;
    }
    records.push(record);
    lines.push(start);
  }
  return { records, lines };
}
