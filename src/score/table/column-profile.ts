/**
 * What a column's values look like: how many are missing, whether every other value is a number,
 * how many distinct values there are. Decides a column's feature kind and whether it is an id.
 */
import { isMissing, parseNumber } from './missing-values.ts';

export interface ColumnProfile {
  name: string;
  rows: number;
  missing: number;
  /** Every non-missing value is a number (and there is at least one). */
  numeric: boolean;
  /** Numeric and every value a whole number. */
  integer: boolean;
  distinct: number;
  /** Numeric with values only 0 and 1. */
  zeroOne: boolean;
  min: number;
  max: number;
  /** Every non-missing value is a date or date-time (ISO `2023-04-01`, or `01/04/2023`). */
  dates: boolean;
}

const DATE = /^(\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( \d{1,2}:\d{2}(:\d{2})?)?)$/;

/** Profiles one column's cells. */
export function profileColumn(name: string, cells: readonly string[]): ColumnProfile {
  let missing = 0;
  let numeric = true;
  let integer = true;
  let dates = true;
  let min = Infinity;
  let max = -Infinity;
  const distinct = new Set<string>();
  for (const cell of cells) {
    if (isMissing(cell)) { missing++; continue; }
    const text = cell.trim();
    if (dates && !DATE.test(text)) dates = false;
    if (numeric) {
      const x = parseNumber(text);
      if (x === null) numeric = false;
      else {
        if (!Number.isInteger(x)) integer = false;
        if (x < min) min = x;
        if (x > max) max = x;
        distinct.add(String(x));
        continue;
      }
    }
    distinct.add(text);
  }
  const present = cells.length - missing;
  const isNumeric = numeric && present > 0;
  const values = isNumeric ? distinct : new Set(cells.filter((cell) => !isMissing(cell)).map((cell) => cell.trim()));
  return {
    name, rows: cells.length, missing,
    numeric: isNumeric,
    integer: isNumeric && integer,
    distinct: values.size,
    zeroOne: isNumeric && [...values].every((value) => value === '0' || value === '1'),
    min: isNumeric ? min : NaN,
    max: isNumeric ? max : NaN,
    dates: !isNumeric && dates && present > 0,
  };
}

const CAMEL_ID = /[a-z0-9](Id|ID)$/;
const SNAKE_ID = /^(id|uuid|guid)$|[_\-\s.](id|uuid|guid)$/i;

/**
 * Why a column looks like an identifier, or null: named id, uuid, guid, *_id or *Id; or text with
 * every value different; or whole numbers, every value different, forming one consecutive run (a
 * row number).
 */
export function idReason(profile: ColumnProfile): string | null {
  if (SNAKE_ID.test(profile.name) || CAMEL_ID.test(profile.name)) return 'named like an identifier';
  const present = profile.rows - profile.missing;
  if (present < 2 || profile.distinct < present) return null;
  if (!profile.numeric) return 'text with every value different (an identifier)';
  if (profile.integer && profile.max - profile.min + 1 === present) return 'consecutive whole numbers, every value different (a row number)';
  return null;
}
