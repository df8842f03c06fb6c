/** Edit distance at most N: Damerau-Levenshtein (a transposition is one edit) unless disabled. */
import { call, type Dialect } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

/**
 * `a` and `b` at most k edits apart, cheapest test first: lengths differing by more than k rule a
 * pair out, and Damerau-Levenshtein (slow) runs only where plain Levenshtein is within 2k, which
 * any pair within k Damerau edits is.
 */
export function withinEdits(dialect: Dialect, a: string, b: string, k: number, damerau: boolean): string {
  const lengths = `abs(length(${a}) - length(${b})) <= ${sqlNumber(k)}`;
  if (!damerau) return `${lengths} AND ${call(dialect, 'levenshtein', a, b)} <= ${sqlNumber(k)}`;
  return `${lengths} AND ${call(dialect, 'levenshtein', a, b)} <= ${sqlNumber(2 * k)} AND ${call(dialect, 'damerauLevenshtein', a, b)} <= ${sqlNumber(k)}`;
}

export const levenshteinLevel: LevelHandler<LevelOf<'levenshtein'>> = {
  sql: (level, { dialect, col }) => withinEdits(dialect, col(level.column, 'l'), col(level.column, 'r'), level.max_distance, level.damerau),
  label: (level) => `${level.damerau ? 'Damerau-Levenshtein' : 'Levenshtein'} ≤ ${level.max_distance}`,
  columns: (level) => [level.column],
};
