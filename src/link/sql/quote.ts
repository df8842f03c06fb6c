/**
 * The one place identifiers and numeric constants enter generated SQL. Identifiers are quoted;
 * user-supplied values travel as parameters (see `SqlStep.params`). Numbers from a validated
 * spec or model (thresholds, weights) are rendered here and must be finite.
 */

/** Quotes an identifier for SQL (`"given_name"`), doubling embedded quotes. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('an SQL identifier cannot be empty');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Renders a finite number as an SQL literal; anything else is a programming error. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number for SQL: ${value}`);
  return String(value);
}

/** A column of the left or right record of a pair, as named in a pair table (`"dob_l"`). */
export function pairColumn(column: string, side: 'l' | 'r'): string {
  return quoteIdent(`${column}_${side}`);
}
