/**
 * A row's events: each rule, for the row or for each element of its group, when its conditions
 * hold and its code resolves, gives one dated event. A rule without `when` fires when its date is
 * present. A date that cannot be read, or a missing date on a rule whose `when` holds, rejects the
 * row: an event silently lost would understate what an agency recorded.
 */
import { parseDateMemo } from './memo.ts';
import type { CanonicalEvent } from '../canonical-record.ts';
import { SPECIAL_CATEGORY_PREFIXES, type EventCode, type EventRule } from '../mapping-schema.ts';
import type { FlatRecord, SourceRow } from '../source-row.ts';
import { holds } from './conditions.ts';
import { NONE, type RowIssues } from './row-issues.ts';
import { groupElements, lookUp, valueOf } from './row-values.ts';

/** Every event the rules find in the row; a date that cannot be used rejects the row (`issues`). */
export function mapEvents(row: SourceRow, rules: readonly EventRule[], issues: RowIssues): readonly CanonicalEvent[] {
  let events: CanonicalEvent[] | null = null;
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index]!;
    if (rule.each === undefined) {
      const event = eventOf(rule, index, row.fields, -1, issues);
      if (event) events = added(events, event);
      continue;
    }
    const elements = groupElements(row, rule.each);
    for (let position = 0; position < elements.length; position += 1) {
      const event = eventOf(rule, index, elements[position]!, position, issues);
      if (event) events = added(events, event);
    }
  }
  return events ?? NONE;
}

/** The list with the event added (a list of one made to measure: most rows give one event). */
function added(events: CanonicalEvent[] | null, event: CanonicalEvent): CanonicalEvent[] {
  if (events === null) return [event];
  events.push(event);
  return events;
}

/** The event one rule gives for the row or one element of its group (`position` ≥ 0), if any. */
function eventOf(rule: EventRule, index: number, element: FlatRecord, position: number, issues: RowIssues): CanonicalEvent | null {
  if (!holds(rule.when, element)) return null;
  const code = codeOf(rule, element);
  if (code === null) return null;
  const text = valueOf(element, rule.date.column);
  if (text === null) {
    if (rule.when !== undefined) issues.reject({ code: 'INGEST_EVENT_DATE_MISSING', column: where(rule, position), message: `events.${index} (${code}) applies but its date is empty; add the date at source` });
    return null;
  }
  const date = parseDateMemo(text, rule.date.format);
  if (!date.ok) {
    issues.reject({ code: 'INGEST_BAD_EVENT_DATE', column: where(rule, position), message: `the ${code} date ${date.message}; correct it at source` });
    return null;
  }
  return {
    code,
    occurredOn: date.value,
    value: rule.value === undefined ? null : valueOf(element, rule.value),
    detail: detailOf(rule.detail, element),
    specialCategory: isSpecial(code),
  };
}

const where = (rule: EventRule, position: number): string =>
  (position < 0 ? rule.date.column : `${rule.each}.${position}.${rule.date.column}`);

const special = new Map<string, boolean>();
const isSpecial = (code: EventCode): boolean => {
  let known = special.get(code);
  if (known === undefined) special.set(code, (known = SPECIAL_CATEGORY_PREFIXES.some((prefix) => code.startsWith(prefix))));
  return known;
};

function codeOf(rule: EventRule, element: FlatRecord): EventCode | null {
  if (rule.code) return rule.code;
  const value = valueOf(element, rule.code_from!.column);
  if (value === null) return null;
  return lookUp(rule.code_from!.values, value);
}

function detailOf(columns: readonly string[] | undefined, element: FlatRecord): Record<string, string> | null {
  if (columns === undefined) return null;
  let detail: Record<string, string> | null = null;
  for (const column of columns) {
    const value = valueOf(element, column);
    if (value !== null) (detail ??= {})[column] = value;
  }
  return detail;
}
