/** Jaro-Winkler similarity at or above a threshold (names: tolerant of typos near the end). */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const jaroWinklerLevel: LevelHandler<LevelOf<'jaro_winkler'>> = {
  sql: (level, { dialect, col }) =>
    `${call(dialect, 'jaroWinkler', col(level.column, 'l'), col(level.column, 'r'))} >= ${sqlNumber(level.threshold)}`,
  label: (level) => `Jaro-Winkler ≥ ${level.threshold}`,
  columns: (level) => [level.column],
};
