/**
 * A row's events: each rule, for the row or for each element of its group, when its conditions
 * hold and its code resolves, gives one dated event. A rule without `when` fires when its date is
 * present. A date that cannot be read, or a missing date on a rule whose `when` holds, rejects the
 * row: an event silently lost would understate what an agency recorded.
 */
import { parseDateMemo } from './memo.ts';
import type { CanonicalEvent } from '../canonical-record.ts';
import type { Problem } from '../error-codes.ts';
import { SPECIAL_CATEGORY_PREFIXES, type EventCode, type EventRule } from '../mapping-schema.ts';
import type { FlatRecord, SourceRow } from '../source-row.ts';
import { holds } from './conditions.ts';
import { groupElements, lookUp, valueOf } from './row-values.ts';

export interface MappedEvents {
  readonly events: CanonicalEvent[];
  readonly problems: Problem[];
}

/** Every event the rules find in the row, or the problems with their dates. */
export function mapEvents(row: SourceRow, rules: readonly EventRule[]): MappedEvents {
  const events: CanonicalEvent[] = [];
  const problems: Problem[] = [];
  rules.forEach((rule, index) => {
    const elements = rule.each === undefined ? [row.fields] : groupElements(row, rule.each);
    elements.forEach((element, position) => {
      if (!holds(rule.when, element)) return;
      const code = codeOf(rule, element);
      if (code === null) return;
      const where = rule.each === undefined ? rule.date.column : `${rule.each}.${position}.${rule.date.column}`;
      const text = valueOf(element, rule.date.column);
      if (text === null) {
        if (rule.when !== undefined) problems.push({ code: 'INGEST_EVENT_DATE_MISSING', column: where, message: `events.${index} (${code}) applies but its date is empty; add the date at source` });
        return;
      }
      const date = parseDateMemo(text, rule.date.format);
      if (!date.ok) {
        problems.push({ code: 'INGEST_BAD_EVENT_DATE', column: where, message: `the ${code} date ${date.message}; correct it at source` });
        return;
      }
      events.push({
        code,
        occurredOn: date.value,
        value: rule.value === undefined ? null : valueOf(element, rule.value),
        detail: detailOf(rule.detail, element),
        specialCategory: SPECIAL_CATEGORY_PREFIXES.some((prefix) => code.startsWith(prefix)),
      });
    });
  });
  return { events, problems };
}

function codeOf(rule: EventRule, element: FlatRecord): EventCode | null {
  if (rule.code) return rule.code;
  const value = valueOf(element, rule.code_from!.column);
  if (value === null) return null;
  return lookUp(rule.code_from!.values, value);
}

function detailOf(columns: readonly string[] | undefined, element: FlatRecord): Record<string, string> | null {
  let detail: Record<string, string> | null = null;
  for (const column of columns ?? []) {
    const value = valueOf(element, column);
    if (value !== null) (detail ??= {})[column] = value;
  }
  return detail;
}
