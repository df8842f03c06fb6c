/**
 * The guard against chaining through identifiers: each growing cluster keeps the strong
 * identifier values its records carry, and two clusters whose values conflict (differ by more
 * than the allowed edits) are never merged; the refused link goes to clerical review.
 */
import { editDistance } from './edit-distance.ts';

export interface StrongIdRule {
  readonly column: string;
  readonly maxEdits: number;
}

/** Per strong id column, the distinct values a cluster carries (or undefined when none). */
export type IdValues = Array<string[] | undefined>;

const MAX_VALUES = 8;

/** The first conflicting column between two clusters' identifiers, or undefined. */
export function idConflict(a: IdValues | undefined, b: IdValues | undefined, rules: readonly StrongIdRule[]): string | undefined {
  if (!a || !b) return undefined;
  for (const [j, rule] of rules.entries()) {
    const [va, vb] = [a[j], b[j]];
    if (!va || !vb) continue;
    for (const x of va) for (const y of vb) {
      if (x !== y && editDistance(x, y, rule.maxEdits) > rule.maxEdits) return rule.column;
    }
  }
  return undefined;
}

/** The identifiers of a merged cluster. */
export function mergeIds(a: IdValues | undefined, b: IdValues | undefined): IdValues | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.map((va, j) => {
    const vb = b[j];
    if (!va) return vb;
    if (!vb) return va;
    return [...new Set([...va, ...vb])].slice(0, MAX_VALUES);
  });
}
