/**
 * Which source columns an agreement allows. A column is allowed when the agreement lists it, or
 * lists it without its array positions (`episodes.type` allows `episodes.0.type`), or lists a
 * dotted prefix of it (`address` allows `address.postcode`; `EpisodeOfCare` allows every column
 * of that group).
 */

export interface ColumnPolicy {
  /** The agreement's list, from which the policy can be built again (in a worker thread). */
  readonly allowedFields: readonly string[];
  allows(column: string): boolean;
}

const CACHE_LIMIT = 10_000;

/** A policy over the agreement's `allowed_fields` (memoised: the same columns recur on every row). */
export function columnPolicy(allowedFields: readonly string[]): ColumnPolicy {
  const allowed = new Set(allowedFields);
  const cache = new Map<string, boolean>();
  const covered = (column: string): boolean => {
    if (allowed.has(column)) return true;
    for (let at = column.lastIndexOf('.'); at > 0; at = column.lastIndexOf('.', at - 1)) {
      if (allowed.has(column.slice(0, at))) return true;
    }
    return false;
  };
  return {
    allowedFields,
    allows(column) {
      const known = cache.get(column);
      if (known !== undefined) return known;
      const answer = covered(column) || covered(withoutPositions(column));
      if (cache.size < CACHE_LIMIT) cache.set(column, answer);
      return answer;
    },
  };
}

/** `episodes.0.type` → `episodes.type`: the column's name whatever the element's position. */
export const withoutPositions = (column: string): string =>
  column.split('.').filter((part) => !/^\d+$/.test(part)).join('.');
