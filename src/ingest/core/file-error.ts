/**
 * A file that cannot be read as declared (wrong format, truncated, wrong encoding, empty, a header
 * lacking mapped columns). Adapters throw it to end the stream; the loader turns it into a failed
 * batch and a report. The message says what and what to do; `where` says where.
 */
import type { IngestErrorCode } from '../error-codes.ts';

export interface FilePlace {
  readonly line?: number;
  readonly column?: number | string;
  readonly row?: number;
}

export class IngestFileError extends Error {
  override readonly name = 'IngestFileError';
  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    readonly detail: string,
    readonly where: FilePlace = {},
  ) {
    super(`${file}${describePlace(where)}: ${detail}`);
  }
}

/** `:12:5` for a line and a column, ` (row 7, column DOB)` for named places. */
export function describePlace(where: FilePlace): string {
  const parts: string[] = [];
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
