/** Given and family names recorded the other way round (exactly, or above a Jaro-Winkler threshold). */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import type { LevelContext, LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

function same(a: string, b: string, threshold: number, { dialect }: LevelContext): string {
  return threshold >= 1 ? `${a} = ${b}` : `${call(dialect, 'jaroWinkler', a, b)} >= ${sqlNumber(threshold)}`;
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
