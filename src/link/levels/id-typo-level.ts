/** An identifier one keying error apart: one character substituted, or two adjacent ones swapped. */
import { withinEdits } from './levenshtein-level.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const idOneTypoLevel: LevelHandler<LevelOf<'id_one_typo'>> = {
  sql: (level, { dialect, col }) => {
    const [l, r] = [col(level.column, 'l'), col(level.column, 'r')];
    return `length(${l}) = length(${r}) AND ${withinEdits(dialect, l, r, 1, true)}`;
  },
  label: () => 'one substitution or transposition apart',
  columns: (level) => [level.column],
};
