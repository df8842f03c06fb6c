/** Edit distance at most N: Damerau-Levenshtein (a transposition is one edit) unless disabled. */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const levenshteinLevel: LevelHandler<LevelOf<'levenshtein'>> = {
  sql: (level, { dialect, col }) => {
    const fn = level.damerau ? 'damerauLevenshtein' : 'levenshtein';
    return `${call(dialect, fn, col(level.column, 'l'), col(level.column, 'r'))} <= ${sqlNumber(level.max_distance)}`;
  },
  label: (level) => `${level.damerau ? 'Damerau-Levenshtein' : 'Levenshtein'} ≤ ${level.max_distance}`,
  columns: (level) => [level.column],
};
