/**
 * The error for bad input to the score commands (a missing column, a label that is not 0/1, a score
 * that is not a number…): a stable code a script can react to, and a message that says what was
 * wrong, where, and what to do.
 */
export const SCORE_ERROR_CODES = [
  'TRB_SCORE_FILE', 'TRB_SCORE_CSV', 'TRB_SCORE_MISSING_COLUMN', 'TRB_SCORE_BAD_LABEL', 'TRB_SCORE_SINGLE_CLASS',
  'TRB_SCORE_BAD_NUMBER', 'TRB_SCORE_BAD_OPTION', 'TRB_SCORE_NO_FEATURES', 'TRB_SCORE_BAD_MODEL', 'TRB_SCORE_BAD_TIME',
] as const;
export type ScoreErrorCode = (typeof SCORE_ERROR_CODES)[number];

export class ScoreInputError extends Error {
  override readonly name = 'ScoreInputError';
  constructor(readonly code: ScoreErrorCode, message: string) {
    super(message);
  }
}

/** A short list of examples: the first `limit` items, then "and N more". */
export function examples<T>(items: readonly T[], show: (item: T) => string, limit = 5): string {
  const shown = items.slice(0, limit).map(show).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
