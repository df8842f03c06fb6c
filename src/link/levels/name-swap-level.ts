/** Given and family names recorded the other way round (exactly, or above a Jaro-Winkler threshold). */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import { type LevelContext, type LevelHandler, sharedSql } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

function same(a: string, b: string, threshold: number, ctx: LevelContext): string {
  return threshold >= 1 ? `${a} = ${b}` : `${sharedSql(ctx, call(ctx.dialect, 'jaroWinkler', a, b))} >= ${sqlNumber(threshold)}`;
}

export const nameSwapLevel: LevelHandler<LevelOf<'name_swap'>> = {
  sql: (level, ctx) => {
    const { col } = ctx;
    return `${same(col(level.given, 'l'), col(level.family, 'r'), level.threshold, ctx)}`
      + ` AND ${same(col(level.family, 'l'), col(level.given, 'r'), level.threshold, ctx)}`;
  },
  label: () => 'given and family names swapped',
  columns: (level) => [level.given, level.family],
};
