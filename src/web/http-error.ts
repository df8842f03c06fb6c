/** The one error type of the HTTP layer: a status, a stable code from the catalogue and a message. */
import { errorCodes, type ErrorCode } from './error-codes.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  /** An error with the catalogue's status; `message` replaces the catalogue's wording when given. */
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? errorCodes[code].message, options);
    this.name = 'HttpError';
    this.code = code;
    this.status = errorCodes[code].status;
  }
}

/** Narrows an unknown thrown value to an HttpError. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}
