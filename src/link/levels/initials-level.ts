/** One side is a single initial that matches the other side's first letter ("J" and "John"). */
import { call } from '../sql/dialect.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const initialsLevel: LevelHandler<LevelOf<'initials'>> = {
  sql: (level, { dialect, col }) => {
    const [l, r] = [col(level.column, 'l'), col(level.column, 'r')];
    const first = (s: string) => call(dialect, 'substring', s, '1', '1');
    return `(length(${l}) = 1 OR length(${r}) = 1) AND ${first(l)} = ${first(r)}`;
  },
  label: () => 'initial matches',
  columns: (level) => [level.column],
};
