/** Checks every adapter makes before reading: the file exists, is a file, and is not empty. */
import { stat } from 'node:fs/promises';
import { IngestFileError } from './file-error.ts';

/** Returns the file's size in bytes, or throws an `IngestFileError` saying why it cannot be read. */
export async function assertReadableFile(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) {
    throw new IngestFileError('INGEST_FILE_NOT_FOUND', path, 'no such file; check the path');
  }
  if (info.size === 0) {
    throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file is empty (0 bytes); ask the agency to send the extract again');
  }
  return info.size;
}
