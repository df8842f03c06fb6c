/** The outcome of normalising an identifier: the canonical value, or why it was refused. */
export type IdResult =
  | { ok: true; value: string }
  | { ok: false; code: 'ID_EMPTY' | 'ID_FORMAT' | 'ID_CHECK_DIGIT'; message: string };

export type IdErrorCode = Extract<IdResult, { ok: false }>['code'];

/** A successful identifier result. */
export const idOk = (value: string): IdResult => ({ ok: true, value });

/** A failed identifier result. */
export const idError = (code: IdErrorCode, message: string): IdResult => ({ ok: false, code, message });

/** Trims the raw value; an absent or blank value gives null. */
export function trimmedOrNull(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed;
}
