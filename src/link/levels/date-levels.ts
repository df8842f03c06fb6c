/** Levels on ISO date strings (YYYY-MM-DD): within N days, day and month transposed, same part. */
import { call } from '../sql/dialect.ts';
import { sqlNumber } from '../sql/quote.ts';
import { derivedColumn, type LevelContext, type LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

const part = (ctx: LevelContext, s: string, start: number, length: number) =>
  call(ctx.dialect, 'substring', s, String(start), String(length));

/** Reads the day number prepared once per record (`<column>__day`), not a date parsed per pair. */
export const dateWithinLevel: LevelHandler<LevelOf<'date_within'>> = {
  sql: (level, { col }) => {
    const day = derivedColumn.day(level.column);
    return `abs(${col(day, 'l')} - ${col(day, 'r')}) <= ${sqlNumber(level.days)}`;
  },
  label: (level) => `within ${level.days} days`,
  columns: (level) => [derivedColumn.day(level.column)],
  derived: (level) => [{ column: derivedColumn.day(level.column), source: level.column, sql: (dialect, s) => call(dialect, 'dayNumber', s) }],
};

export const dateTransposedLevel: LevelHandler<LevelOf<'date_transposed'>> = {
  sql: (level, ctx) => {
    const [l, r] = [ctx.col(level.column, 'l'), ctx.col(level.column, 'r')];
    return [
      `${part(ctx, l, 1, 4)} = ${part(ctx, r, 1, 4)}`,
      `${part(ctx, l, 6, 2)} = ${part(ctx, r, 9, 2)}`,
      `${part(ctx, l, 9, 2)} = ${part(ctx, r, 6, 2)}`,
    ].join(' AND ');
  },
  label: () => 'day and month transposed',
  columns: (level) => [level.column],
};

const PARTS = { year: [1, 4, 'same year'], year_month: [1, 7, 'same year and month'], month_day: [6, 5, 'same day and month'] } as const;

export const dateSameLevel: LevelHandler<LevelOf<'date_same'>> = {
  sql: (level, ctx) => {
    const [start, length] = PARTS[level.part];
    return `${part(ctx, ctx.col(level.column, 'l'), start, length)} = ${part(ctx, ctx.col(level.column, 'r'), start, length)}`;
  },
  label: (level) => PARTS[level.part][2],
  columns: (level) => [level.column],
};
