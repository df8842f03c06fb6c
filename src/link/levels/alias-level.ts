/**
 * Nickname or alias equivalence (Bill and William, Peggy and Margaret): the two names share a
 * formal name in the shipped nickname table. Reads the prepared `<column>__aliases` list.
 */
import { call } from '../sql/dialect.ts';
import { derivedColumn, type LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const aliasLevel: LevelHandler<LevelOf<'alias'>> = {
  sql: (level, { dialect, col }) => {
    const aliases = derivedColumn.aliases(level.column);
    return call(dialect, 'listHasAny', col(aliases, 'l'), col(aliases, 'r'));
  },
  label: () => 'nickname or alias',
  columns: (level) => [derivedColumn.aliases(level.column)],
};
