/**
 * Newline-delimited JSON: one value per line, each parsed on its own so that one bad line is one
 * quarantined row. A first line that is not JSON means the file is not NDJSON at all; an
 * unparseable last line with no line break means the file was cut off.
 */
import { IngestFileError } from './file-error.ts';
import { readLines } from './line-reader.ts';

export type NdjsonLine =
  | { readonly ok: true; readonly line: number; readonly value: unknown; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly message: string; readonly text: string };

/** Yields each non-blank line's value, or why it could not be parsed. */
export async function* ndjsonLines(path: string, text: AsyncIterable<string>): AsyncGenerator<NdjsonLine> {
  let first = true;
  for await (const line of readLines(text)) {
    if (line.text.trim() === '') continue;
    try {
      yield { ok: true, line: line.number, value: JSON.parse(line.text), text: line.text };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (first) {
        throw new IngestFileError('INGEST_MALFORMED', path,
          `the first line is not a JSON value (${reason}); for one JSON document holding an array of records, set options.record_path`,
          { line: line.number });
      }
      if (!line.terminated) {
        throw new IngestFileError('INGEST_TRUNCATED', path,
          'the last line is not complete JSON and has no line break: the file looks cut off; ask the agency to send it again',
          { line: line.number });
      }
      yield { ok: false, line: line.number, message: `line ${line.number} is not valid JSON (${reason})`, text: line.text };
    }
    first = false;
  }
}
