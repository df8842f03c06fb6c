/**
 * CSV (or any delimited text), streamed: records as csv-parse reads them (`core/csv-records.ts`, which
 * splits plain lines itself), a piece of text at a time (`BatchedItems`). The header names the columns
 * (`options.header: false`: columns are named 1, 2, 3…). A row with the wrong number of fields is
 * quarantined; a short last row with no line break after it means the file was cut off.
 */
import { CsvError } from 'csv-parse';
import type { Adapter, AdapterContext } from '../core/adapter.ts';
import { batched, clipRaw, parsedBatches } from '../core/adapter.ts';
import { CsvRecords } from '../core/csv-records.ts';
import { IngestFileError } from '../core/file-error.ts';
import { FlatRow } from '../core/flat-row.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem, FlatRecord } from '../source-row.ts';

export const csvAdapter: Adapter = (context) => batched(() => csvBatches(context));

/** The file's rows, a piece of text at a time (records are split synchronously as each piece is read). */
async function* csvBatches({ path, options, onColumns, onProgress }: AdapterContext): AsyncGenerator<AdapterItem[]> {
  const delimiter = options.delimiter ?? ',';
  // set by the record callback (hence declared wider than their first value)
  let header = null as string[] | null;
  let held = null as { record: string[]; line: number } | null;
  const batch: AdapterItem[] = [];
  const records = new CsvRecords(delimiter, (record, endLine) => {
    if (!header) {
      header = options.header === false ? record.map((_, index) => String(index + 1)) : checkedHeader(path, record);
      onColumns?.(header);
      if (options.header !== false) return;
    }
    if (held) batch.push(shortRow(held.record, held.line, header, delimiter));
    held = null;
    const line = startLine(record, endLine);
    if (record.length !== header.length) held = { record, line };
    else batch.push(new FlatRow(line, toFields(header, record), record, delimiter));
  });
  let endsWithNewline = false;
  async function* texts(): AsyncGenerator<string> {
    for await (const text of readText(path, { encoding: options.encoding, onProgress })) {
      endsWithNewline = /[\r\n]$/.test(text);
      yield text;
    }
  }
  try {
    yield* parsedBatches(texts(), records, batch);
  } catch (error) {
    throw error instanceof CsvError ? csvFileError(path, error) : error;
  }
  if (!header) throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file holds no header and no rows');
  const columns: readonly string[] = header;
  if (held && !endsWithNewline && held.record.length < columns.length) {
    if (batch.length > 0) yield batch;
    throw new IngestFileError('INGEST_TRUNCATED', path,
      `the last row has ${held.record.length} of ${columns.length} fields and no line break: the file looks cut off; ask the agency to send it again`,
      { line: held.line });
  }
  if (held) batch.push(shortRow(held.record, held.line, columns, delimiter));
  if (batch.length > 0) yield batch;
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
