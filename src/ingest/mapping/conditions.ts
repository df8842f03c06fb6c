/** Evaluates a rule's `when` on a row or group element: every listed condition, and every test in it, must hold. */
import type { Condition } from '../mapping-schema.ts';
import type { FlatRecord } from '../source-row.ts';
import { valueOf } from './row-values.ts';

/**
 * Whether `when` holds. Values are compared trimmed and case-sensitively; `lt`/`gte` compare
 * numbers and fail on a value that is not a number.
 *
 * @example
 * holds({ column: 'Excluded', equals: 'Y' }, { Excluded: ' Y ' }) // true
 */
export function holds(when: Condition | Condition[] | undefined, fields: FlatRecord): boolean {
  if (when === undefined) return true;
  if (!Array.isArray(when)) return test(when, fields);
  for (let i = 0; i < when.length; i += 1) if (!test(when[i]!, fields)) return false;
  return true;
}

function test(condition: Condition, fields: FlatRecord): boolean {
  const value = valueOf(fields, condition.column);
  if (condition.present !== undefined && (value !== null) !== condition.present) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && (value === null || !condition.in.includes(value))) return false;
  if (condition.lt !== undefined || condition.gte !== undefined) {
    const number = value === null ? Number.NaN : Number(value);
    if (Number.isNaN(number)) return false;
    if (condition.lt !== undefined && !(number < condition.lt)) return false;
    if (condition.gte !== undefined && !(number >= condition.gte)) return false;
  }
  return true;
}
