/**
 * Reads a file as text in bounded memory: fixed-size byte chunks decoded with a strict decoder, so
 * that invalid UTF-8 stops the read with the line and character where it occurs.
 */
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { assertReadableFile } from './file-checks.ts';
import { IngestFileError } from './file-error.ts';

export type TextEncoding = 'utf-8' | 'latin1';

export interface TextStreamOptions {
  readonly encoding?: TextEncoding;
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

const CHUNK_BYTES = 1 << 20;

/** Yields the file's text chunk by chunk (a leading byte-order mark is dropped). */
export async function* readText(path: string, options: TextStreamOptions = {}): AsyncGenerator<string> {
  await assertReadableFile(path);
  const encoding = options.encoding ?? 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true });
  let bytesRead = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      options.onProgress?.(bytesRead);
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError && encoding === 'utf-8') throw await invalidUtf8Error(path);
    throw error;
  }
}

/** Finds the first line that is not valid UTF-8 (a newline byte never occurs inside a character). */
async function invalidUtf8Error(path: string): Promise<IngestFileError> {
  let line = 1;
  let pending: Buffer[] = [];
  const check = (bytes: Buffer): IngestFileError | null => {
    if (isUtf8(bytes)) return null;
    const character = new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD') + 1;
    return new IngestFileError('INGEST_ENCODING', path,
      'the text is not valid UTF-8; ask the agency to export as UTF-8, or declare `options.encoding: latin1` in the mapping',
      { line, column: character });
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const error = check(Buffer.concat([...pending, chunk.subarray(start, nl)]));
      if (error) return error;
      pending = [];
      start = nl + 1;
      line += 1;
    }
    pending.push(chunk.subarray(start));
  }
  return check(Buffer.concat(pending))
    ?? new IngestFileError('INGEST_ENCODING', path, 'the text is not valid UTF-8', { line });
}
