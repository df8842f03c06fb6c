/**
 * A section of a subject access export: a titled, explained list of rows from one query. The
 * export is the list in `sar-sections.ts`; a new kind of data (decisions, support plans) is one
 * more section there.
 */
import type { SarContext } from './sar-context.ts';

export type SarValue = string | number | boolean | null | SarValue[] | { [key: string]: SarValue };
export type SarRow = Record<string, SarValue>;

export interface SarSection {
  id: string;
  title: string;
  /** What the section holds, in plain language, for the person reading it. */
  about: string;
  /** Column labels for the readable copy, in display order; keys not listed follow. */
  labels: Record<string, string>;
  rows(ctx: SarContext): Promise<SarRow[]>;
}

/** A UTC timestamp column as ISO text, the same on both engines whatever the session's time zone. */
export const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Runs a query whose one column `row` is a jsonb object per row. */
export async function jsonRows(ctx: SarContext, sql: string, params: unknown[]): Promise<SarRow[]> {
  const rows = await ctx.sql.query<{ row: SarRow | string }>(sql, params);
  return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) as SarRow : r.row));
}
