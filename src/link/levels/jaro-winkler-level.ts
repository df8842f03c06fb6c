/** Jaro-Winkler similarity at or above a threshold (names: tolerant of typos near the end). */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import { type LevelHandler, sharedSql } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const jaroWinklerLevel: LevelHandler<LevelOf<'jaro_winkler'>> = {
  sql: (level, ctx) =>
    `${sharedSql(ctx, call(ctx.dialect, 'jaroWinkler', ctx.col(level.column, 'l'), ctx.col(level.column, 'r')))} >= ${sqlNumber(level.threshold)}`,
  label: (level) => `Jaro-Winkler ≥ ${level.threshold}`,
  columns: (level) => [level.column],
};
