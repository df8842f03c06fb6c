/**
 * Token-set Jaccard similarity (multi-part names, addresses): word order does not matter. Reads
 * the prepared `<column>__tokens` list (distinct words, split once per record).
 */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import { derivedColumn, type LevelHandler, sharedSql } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const jaccardLevel: LevelHandler<LevelOf<'jaccard'>> = {
  sql: (level, ctx) => {
    const tokens = (side: 'l' | 'r') => ctx.col(derivedColumn.tokens(level.column), side);
    return `${sharedSql(ctx, call(ctx.dialect, 'tokenJaccard', tokens('l'), tokens('r')))} >= ${sqlNumber(level.threshold)}`;
  },
  label: (level) => `shared words (Jaccard ≥ ${level.threshold})`,
  columns: (level) => [derivedColumn.tokens(level.column)],
};
