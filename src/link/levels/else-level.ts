/** The catch-all last level: every pair no earlier level took. */
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const elseLevel: LevelHandler<LevelOf<'else'>> = {
  sql: () => 'TRUE',
  label: () => 'all other',
  columns: () => [],
};
