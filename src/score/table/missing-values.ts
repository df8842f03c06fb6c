/**
 * What counts as missing, and what counts as a number, in a CSV cell. Missing (after trimming,
 * any case): the empty string, `NA`, `N/A`, `NaN`, `null`, `None` and `?`. A number is plain decimal
 * or scientific notation (`12`, `-0.5`, `.5`, `1e3`); `0x10`, `1,000`, `Infinity` are text.
 */

export const MISSING_TOKENS = ['', 'na', 'n/a', 'nan', 'null', 'none', '?'] as const;
const missing = new Set<string>(MISSING_TOKENS);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True when a cell holds no value. */
export function isMissing(cell: string): boolean {
  return missing.has(cell.trim().toLowerCase());
}

/** The number in a cell, or null when the cell is not a plain number (missing cells are not numbers). */
export function parseNumber(cell: string): number | null {
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : null;
}
