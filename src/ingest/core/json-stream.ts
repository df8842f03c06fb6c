/**
 * JSON documents streamed through stream-json: text in, the values the given stages pick out.
 * A syntax error stops the stream with its exact line and character (found by stream-json's
 * verifier, on the error path only) and says whether the file was cut off or is not JSON.
 */
import { stat } from 'node:fs/promises';
import { gen } from 'stream-chain';
import { none } from 'stream-chain/defs.js';
import parser from 'stream-json/parser.js';
import verifyFile from 'stream-json/file/verifier.js';
import { IngestFileError } from './file-error.ts';

/** Runs `text` through stream-json's parser and then `stages`, yielding what the last stage yields. */
export async function* streamJson<T>(
  path: string,
  text: AsyncIterable<string>,
  stages: readonly unknown[],
  parserOptions: { jsonStreaming?: boolean } = {},
): AsyncGenerator<T> {
  // packed values only (no streamed string/number chunks): half the tokens, twice the speed
  const run = (gen as unknown as (...fns: unknown[]) => (input: unknown) => AsyncGenerator<T>)(parser({ ...parserOptions, streamValues: false }), ...stages);
  try {
    for await (const chunk of text) yield* run(chunk);
    yield* run(none);
  } catch (error) {
    if (error instanceof IngestFileError) throw error;
    throw await jsonSyntaxError(path, error, parserOptions.jsonStreaming ?? false);
  }
}

async function jsonSyntaxError(path: string, cause: unknown, jsonStreaming: boolean): Promise<IngestFileError> {
  const size = (await stat(path)).size;
  const found = await verifyFile(path, { jsonStreaming }).then(() => null, (error: { line?: number; pos?: number; offset?: number }) => error);
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (found && (found.offset ?? 0) >= size) {
    return new IngestFileError('INGEST_TRUNCATED', path,
      'the JSON ends before its last record is complete: the file looks cut off; ask the agency to send it again', { line: found.line });
  }
  return new IngestFileError('INGEST_MALFORMED', path,
    `not valid JSON (${reason.replace(/^.*?: /, '')}); check that the file is the JSON export the mapping describes`,
    found ? { line: found.line, column: found.pos } : {});
}
