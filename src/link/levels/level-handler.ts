/** What every comparison level kind provides: its SQL condition, its label and the columns it reads. */
import type { Dialect } from '../sql/dialect.ts';
import { pairColumn } from '../sql/quote.ts';
import type { LevelKind, LevelOf } from './level-schema.ts';

export interface LevelContext {
  readonly dialect: Dialect;
  /** The SQL for a column of the left or right record of the pair. */
  readonly col: (column: string, side: 'l' | 'r') => string;
  /**
   * Marks a costly expression (a similarity) that several levels may compute: the vector query
   * then computes it once per pair and the levels read the result (see comparison-vector-sql.ts).
   */
  readonly shared?: (expression: string) => string;
}

/** The expression, or the column holding it when the context computes it once per pair. */
export const sharedSql = (ctx: LevelContext, expression: string): string => ctx.shared?.(expression) ?? expression;

export interface LevelHandler<L> {
  /** A boolean SQL condition over the pair's columns. */
  readonly sql: (level: L, ctx: LevelContext) => string;
  /** A short human label ("Jaro-Winkler ≥ 0.92"). */
  readonly label: (level: L) => string;
  /** The (prepared) record columns the condition reads. */
  readonly columns: (level: L) => readonly string[];
  /** Record columns the level computes once per record when records are prepared (read by `sql`). */
  readonly derived?: (level: L) => readonly DerivedColumn[];
}

/** A column computed per record from one input column: `sql(dialect, source)` is its expression. */
export interface DerivedColumn {
  readonly column: string;
  readonly source: string;
  readonly sql: (dialect: Dialect, source: string) => string;
}

export type LevelHandlers = { readonly [K in LevelKind]: LevelHandler<LevelOf<K>> };

/** The context for a pair table whose columns are suffixed `_l` and `_r`. */
export function pairContext(dialect: Dialect): LevelContext {
  return { dialect, col: pairColumn };
}

/** Derived record columns, computed once per record when the records are prepared. */
export const derivedColumn = {
  aliases: (column: string) => `${column}__aliases`,
  tokens: (column: string) => `${column}__tokens`,
  tf: (column: string) => `${column}__tf`,
  /** Days since 1970-01-01 of an ISO date (null when not a date). */
  day: (column: string) => `${column}__day`,
  /** A UK postcode's sector, district or area (null when the value is not UK-shaped). */
  postcodePart: (column: string, part: 'sector' | 'district' | 'area') => `${column}__${part}`,
};
