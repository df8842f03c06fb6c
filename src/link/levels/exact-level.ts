/** Exact match on one column, optionally adjusted for how common the shared value is. */
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const exactLevel: LevelHandler<LevelOf<'exact'>> = {
  sql: (level, { col }) => `${col(level.column, 'l')} = ${col(level.column, 'r')}`,
  label: () => 'exact match',
  columns: (level) => [level.column],
};
