/** Which event rules give special category (health) events: their columns are sealed in the event, never kept in a record's raw values. */
import { SPECIAL_CATEGORY_PREFIXES, type EventRule, type Mapping } from '../mapping-schema.ts';
import { mappingColumns } from './mapping-columns.ts';

const special = (code: string): boolean => SPECIAL_CATEGORY_PREFIXES.some((prefix) => code.startsWith(prefix));

/** Whether the rule can give a special category event (its code, or any code of its `code_from` table, is). */
export function ruleGivesSpecialEvents(rule: EventRule): boolean {
  return rule.code ? special(rule.code) : Object.values(rule.code_from?.values ?? {}).some(special);
}

/** The mapping without its special category event rules (what a record's raw values may show). */
export function withoutSpecialRules(mapping: Mapping): Mapping {
  return mapping.events.some(ruleGivesSpecialEvents) ? { ...mapping, events: mapping.events.filter((r) => !ruleGivesSpecialEvents(r)) } : mapping;
}

/**
 * Whether a flattened column of a row is read only by special category event rules (so a quarantined
 * row must not keep it in clear): such a column of the row itself, or any column of a group only they read.
 */
export function specialOnlyColumns(mapping: Mapping): (key: string) => boolean {
  const all = mappingColumns(mapping);
  const plain = mappingColumns(withoutSpecialRules(mapping));
  const own = [...all.record].filter((c) => !plain.record.has(c));
  const groups = [...all.groups.keys()].filter((g) => !plain.groups.has(g)).map((g) => `${g}.`);
  return (key) => own.includes(key) || groups.some((prefix) => key.startsWith(prefix));
}
