/**
 * Fixed-width text: each line cut into the columns of `options.columns` (1-based start, length in
 * characters), values trimmed. With `options.record_type`, only lines whose record-type column
 * holds the given value are records; header and trailer lines are skipped. Blank lines are skipped.
 * A line too short for the declared columns is quarantined; a short last line with no line break
 * means the file was cut off.
 */
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { IngestFileError } from '../core/file-error.ts';
import { readLines, type Line } from '../core/line-reader.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem, FlatRecord } from '../source-row.ts';

interface FixedColumn { readonly name: string; readonly start: number; readonly length: number }

export const fixedWidthAdapter: Adapter = async function* fixedWidthRows({ path, options, onColumns, onProgress }) {
  const columns = options.columns ?? [];
  if (columns.length === 0) {
    throw new IngestFileError('INGEST_MALFORMED', path, 'the mapping declares no `options.columns` for this fixed-width file');
  }
  onColumns?.(columns.map((c) => c.name));
  const recordType = options.record_type ? columns.find((c) => c.name === options.record_type!.column) : undefined;
  const minimum = Math.max(...columns.map((c) => c.start));
  for await (const line of readLines(readText(path, { encoding: options.encoding, onProgress }))) {
    if (line.text.trim() === '') continue;
    if (recordType && cut(line.text, recordType) !== options.record_type!.equals) continue;
    if (line.text.length >= minimum) {
      yield { ok: true, rowNumber: line.number, fields: cutAll(line.text, columns), groups: {}, raw: clipRaw(line.text) };
    } else if (!line.terminated) {
      throw new IngestFileError('INGEST_TRUNCATED', path,
        `the last line is ${line.text.length} characters long and has no line break: the file looks cut off; ask the agency to send it again`,
        { line: line.number });
    } else {
      yield shortLine(line, columns);
    }
  }
};

const cut = (text: string, column: FixedColumn): string =>
  text.slice(column.start - 1, column.start - 1 + column.length).trim();

function cutAll(text: string, columns: readonly FixedColumn[]): FlatRecord {
  const fields: FlatRecord = {};
  for (const column of columns) fields[column.name] = cut(text, column);
  return fields;
}

function shortLine(line: Line, columns: readonly FixedColumn[]): AdapterItem {
  const missing = columns.find((c) => c.start > line.text.length)!;
  return {
    ok: false,
    rowNumber: line.number,
    raw: clipRaw(line.text),
    error: {
      code: 'INGEST_ROW_SHORT_LINE',
      column: missing.name,
      message: `line ${line.number} is ${line.text.length} characters long but column ${missing.name} starts at ${missing.start}: check the widths in options.columns against the agency's layout`,
    },
  };
}
