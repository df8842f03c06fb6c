/** The null level: either record lacks a value; it carries no evidence (Bayes factor 1). */
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const nullLevel: LevelHandler<LevelOf<'null'>> = {
  sql: (level, { col }) => level.columns.map((c) => `${col(c, 'l')} IS NULL OR ${col(c, 'r')} IS NULL`).join(' OR '),
  label: () => 'missing on either side',
  columns: (level) => level.columns,
};
