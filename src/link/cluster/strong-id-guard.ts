/**
 * The guard against chaining through identifiers: each growing cluster keeps the strong
 * identifier values its records carry, and two clusters whose values conflict (differ by more
 * than the allowed edits) are never merged; the refused link goes to clerical review.
 *
 * A date rule (`kind: 'date'`, the date of birth) tolerates what keying does to a date: up to
 * `maxEdits` edits, the day and month transposed, or a date within 31 days. Two clusters conflict
 * on it only when no date of one can be a date of the other: a cluster holding one date keyed in
 * two wrong ways (transposed on one record, mistyped on another) still takes its third record.
 * Dates further apart than that are another person (a brother or sister at the same address),
 * unless the link itself agrees on a strong identifier (`Edges.idAgrees`): an NHS number or a
 * social security number in common outranks a date keyed wrongly twice.
 */
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import { editDistance } from './edit-distance.ts';

export interface StrongIdRule {
  readonly column: string;
  readonly maxEdits: number;
  /** `date`: ISO dates (YYYY-MM-DD), compared as dates of birth are keyed. */
  readonly kind?: 'identifier' | 'date';
}

/** The strong-identifier rules of a spec, as the guard takes them. */
export function strongIdRules(spec: Pick<LinkageSpec, 'clustering'>): StrongIdRule[] {
  return spec.clustering.strong_ids.map((s) => ({ column: s.column, maxEdits: s.max_edits, kind: s.kind }));
}

const DAY_MS = 86_400_000;
/** Dates this many days apart or fewer are one date keyed wrongly, not two people. */
export const DATE_WITHIN_DAYS = 31;

/** Whether two ISO dates can be one date of birth as keyed: close in edits, transposed, or within 31 days. */
export function datesCompatible(a: string, b: string, maxEdits: number): boolean {
  if (a === b || editDistance(a, b, maxEdits) <= maxEdits) return true;
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return true;
  const days = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / DAY_MS;
  return Number.isFinite(days) && days <= DATE_WITHIN_DAYS;
}

const allCompatible = (rule: StrongIdRule, va: readonly string[], vb: readonly string[]): boolean =>
  va.every((x) => vb.every((y) => x === y || editDistance(x, y, rule.maxEdits) <= rule.maxEdits));

/** Per strong id column, the distinct values a cluster carries (or undefined when none). */
export type IdValues = Array<string[] | undefined>;

const MAX_VALUES = 8;

/** The first conflicting column between two clusters' identifiers, or undefined; `ignoreDates` for a link agreeing on an identifier, which outranks a date. */
export function idConflict(
  a: IdValues | undefined, b: IdValues | undefined, rules: readonly StrongIdRule[], options: { ignoreDates?: boolean } = {},
): string | undefined {
  if (!a || !b) return undefined;
  for (const [j, rule] of rules.entries()) {
    const [va, vb] = [a[j], b[j]];
    if (!va || !vb || (rule.kind === 'date' && options.ignoreDates)) continue;
    if (rule.kind === 'date' ? !va.some((x) => vb.some((y) => datesCompatible(x, y, rule.maxEdits))) : !allCompatible(rule, va, vb)) return rule.column;
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
