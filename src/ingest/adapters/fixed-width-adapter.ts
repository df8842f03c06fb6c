/**
 * Fixed-width text: each line cut into the columns of `options.columns` (1-based start, length in
 * characters), values trimmed. With `options.record_type`, only lines whose record-type column
 * holds the given value are records; header and trailer lines are skipped. Blank lines are skipped.
 * A line too short for the declared columns is quarantined; a short last line with no line break
 * means the file was cut off. Lines are cut as each piece of text is read (`BatchedItems`).
 */
import type { Adapter, AdapterContext } from '../core/adapter.ts';
import { batched, clipRaw, parsedBatches } from '../core/adapter.ts';
import { IngestFileError } from '../core/file-error.ts';
import { FlatRow } from '../core/flat-row.ts';
import { splitLines, type Line } from '../core/line-reader.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem, FlatRecord } from '../source-row.ts';

interface FixedColumn { readonly name: string; readonly start: number; readonly length: number }

export const fixedWidthAdapter: Adapter = (context) => batched(() => fixedWidthBatches(context));

async function* fixedWidthBatches({ path, options, onColumns, onProgress }: AdapterContext): AsyncGenerator<AdapterItem[]> {
  const columns = options.columns ?? [];
  if (columns.length === 0) {
    throw new IngestFileError('INGEST_MALFORMED', path, 'the mapping declares no `options.columns` for this fixed-width file');
  }
  onColumns?.(columns.map((c) => c.name));
  const recordType = options.record_type ? columns.find((c) => c.name === options.record_type!.column) : undefined;
  const equals = options.record_type?.equals;
  const minimum = Math.max(...columns.map((c) => c.start));
  const batch: AdapterItem[] = [];
  const lines = splitLines((number, text, terminated) => {
    if (isBlank(text)) return;
    if (recordType && cut(text, recordType) !== equals) return;
    if (text.length >= minimum) {
      batch.push(new FlatRow(number, cutAll(text, columns), text));
    } else if (!terminated) {
      throw new IngestFileError('INGEST_TRUNCATED', path,
        `the last line is ${text.length} characters long and has no line break: the file looks cut off; ask the agency to send it again`,
        { line: number });
    } else {
      batch.push(shortLine({ number, text, terminated }, columns));
    }
  });
  yield* parsedBatches(readText(path, { encoding: options.encoding, onProgress }), lines, batch);
  if (batch.length > 0) yield batch;
}

/** Whether the line holds nothing but white space (what `trim()` removes). */
const isBlank = (text: string): boolean => !/\S/.test(text);

/** `text.slice(from, to).trim()`, slicing once. */
function trimmedSlice(text: string, from: number, to: number): string {
  let start = Math.min(from, text.length);
  let end = Math.min(to, text.length);
  while (start < end && isSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** White space as `String.prototype.trim` removes it: ASCII blanks quickly, anything else by the regular expression's `\s`. */
const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));

const cut = (text: string, column: FixedColumn): string => trimmedSlice(text, column.start - 1, column.start - 1 + column.length);

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
