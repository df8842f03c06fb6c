/** Token-set Jaccard similarity (multi-part names, addresses): word order does not matter. */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const jaccardLevel: LevelHandler<LevelOf<'jaccard'>> = {
  sql: (level, { dialect, col }) => {
    const tokens = (side: 'l' | 'r') => call(dialect, 'tokens', col(level.column, side));
    return `${call(dialect, 'tokenJaccard', tokens('l'), tokens('r'))} >= ${sqlNumber(level.threshold)}`;
  },
  label: (level) => `shared words (Jaccard ≥ ${level.threshold})`,
  columns: (level) => [level.column],
};
