/**
 * CSV (or any delimited text) through csv-parse, streamed. The header names the columns
 * (`options.header: false`: columns are named 1, 2, 3…). A row with the wrong number of fields is
 * quarantined; a short last row with no line break after it means the file was cut off.
 */
import { CsvError, Parser } from 'csv-parse';
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { feed } from '../core/feed.ts';
import { IngestFileError } from '../core/file-error.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem, FlatRecord } from '../source-row.ts';

export const csvAdapter: Adapter = async function* csvRows({ path, options, onColumns, onProgress }) {
  const delimiter = options.delimiter ?? ',';
  const parser = new LineParser({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true });
  let endsWithNewline = false;
  feed(readText(path, { encoding: options.encoding, onProgress }), parser, (chunk) => {
    endsWithNewline = /[\r\n]$/.test(chunk);
  });
  let header: string[] | null = null;
  let held: { record: string[]; line: number } | null = null;
  const items = (async function* (): AsyncGenerator<[record: string[], endLine: number]> {
    try {
      yield* parser;
    } catch (error) {
      throw error instanceof CsvError ? csvFileError(path, error) : error;
    }
  })();
  for await (const [record, endLine] of items) {
    if (!header) {
      header = options.header === false ? record.map((_, index) => String(index + 1)) : checkedHeader(path, record);
      onColumns?.(header);
      if (options.header !== false) continue;
    }
    if (held) yield shortRow(held.record, held.line, header, delimiter);
    held = null;
    const line = startLine(record, endLine);
    if (record.length !== header.length) held = { record, line };
    else yield { ok: true, rowNumber: line, fields: toFields(header, record), groups: {}, raw: clipRaw(record.join(delimiter)) };
  }
  if (!header) throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file holds no header and no rows');
  if (held && !endsWithNewline && held.record.length < header.length) {
    throw new IngestFileError('INGEST_TRUNCATED', path,
      `the last row has ${held.record.length} of ${header.length} fields and no line break: the file looks cut off; ask the agency to send it again`,
      { line: held.line });
  }
  if (held) yield shortRow(held.record, held.line, header, delimiter);
};

/**
 * csv-parse handing over each record with the line it ends on, read from the parser's line counter
 * as the record is pushed: what its `info: true` option reports, without the two objects per row
 * that option builds (a third of the parser's time).
 */
class LineParser extends Parser {
  override push(record: string[] | null): boolean {
    return super.push(record === null ? null : [record, this.info.lines]);
  }
}

function checkedHeader(path: string, record: string[]): string[] {
  const names = record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new IngestFileError('INGEST_DUPLICATE_COLUMNS', path, `the header names column "${name}" twice; rename one in the extract`, { line: 1 });
    }
    seen.add(name);
  }
  return names;
}

/** The line a record starts on: csv-parse reports the line it ends on, after any quoted line breaks. */
function startLine(record: readonly string[], endLine: number): number {
  let breaks = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) breaks += 1;
  }
  return endLine - breaks;
}

function toFields(header: readonly string[], record: readonly string[]): FlatRecord {
  const fields: FlatRecord = {};
  for (let index = 0; index < header.length; index += 1) fields[header[index]!] = record[index] ?? null;
  return fields;
}

function shortRow(record: string[], line: number, header: readonly string[], delimiter: string): AdapterItem {
  return {
    ok: false,
    rowNumber: line,
    raw: clipRaw(record.join(delimiter)),
    error: {
      code: 'INGEST_ROW_FIELD_COUNT',
      message: `line ${line} has ${record.length} fields; the header has ${header.length}: check the delimiter and quoting of this row`,
    },
  };
}

function csvFileError(path: string, error: CsvError): IngestFileError {
  const line = (error as unknown as { lines?: number }).lines;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new IngestFileError('INGEST_TRUNCATED', path,
      'the file ends inside a quoted field: it looks cut off, or a quote is not closed; ask the agency to send it again', { line });
  }
  return new IngestFileError('INGEST_MALFORMED', path, `not readable as CSV (${error.message}); check the delimiter and the quoting`, { line });
}
