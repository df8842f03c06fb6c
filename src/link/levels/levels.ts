/** Dispatch over level kinds: adding a kind breaks the build until it has a handler here. */
import { aliasLevel } from './alias-level.ts';
import { dateSameLevel, dateTransposedLevel, dateWithinLevel } from './date-levels.ts';
import { elseLevel } from './else-level.ts';
import { exactLevel } from './exact-level.ts';
import { formerNameLevel } from './former-name-level.ts';
import { idOneTypoLevel } from './id-typo-level.ts';
import { initialsLevel } from './initials-level.ts';
import { jaccardLevel } from './jaccard-level.ts';
import { jaroWinklerLevel } from './jaro-winkler-level.ts';
import type { DerivedColumn, LevelContext, LevelHandler, LevelHandlers } from './level-handler.ts';
import type { Level } from './level-schema.ts';
import { levenshteinLevel } from './levenshtein-level.ts';
import { nameSwapLevel } from './name-swap-level.ts';
import { nullLevel } from './null-level.ts';
import { postcodeLevel } from './postcode-level.ts';

const handlers: LevelHandlers = {
  null: nullLevel,
  exact: exactLevel,
  jaro_winkler: jaroWinklerLevel,
  levenshtein: levenshteinLevel,
  jaccard: jaccardLevel,
  initials: initialsLevel,
  name_swap: nameSwapLevel,
  alias: aliasLevel,
  former_name: formerNameLevel,
  date_within: dateWithinLevel,
  date_transposed: dateTransposedLevel,
  date_same: dateSameLevel,
  postcode: postcodeLevel,
  id_one_typo: idOneTypoLevel,
  else: elseLevel,
};

const handlerOf = (level: Level) => handlers[level.kind] as LevelHandler<Level>;

/** The level's boolean SQL condition. */
export function levelSql(level: Level, ctx: LevelContext): string {
  return handlerOf(level).sql(level, ctx);
}

/** The level's human label ("Jaro-Winkler ≥ 0.92"). */
export function levelLabel(level: Level): string {
  return handlerOf(level).label(level);
}

/** The prepared record columns the level reads. */
export function levelColumns(level: Level): readonly string[] {
  return handlerOf(level).columns(level);
}

/** The per-record columns the level has computed when records are prepared. */
export function levelDerivedColumns(level: Level): readonly DerivedColumn[] {
  return handlerOf(level).derived?.(level) ?? [];
}

/** The column whose value frequency adjusts this level's weight, if it has a TF adjustment. */
export function tfColumnOf(level: Level): string | undefined {
  return (level.kind === 'exact' || level.kind === 'jaro_winkler') && level.tf_adjustment ? level.column : undefined;
}
