/** Which event rules give special category (health) events: their columns are sealed in the event, never kept in a record's raw values. */
import { SPECIAL_CATEGORY_PREFIXES, type EventRule, type Mapping } from '../mapping-schema.ts';

const special = (code: string): boolean => SPECIAL_CATEGORY_PREFIXES.some((prefix) => code.startsWith(prefix));

/** Whether the rule can give a special category event (its code, or any code of its `code_from` table, is). */
export function ruleGivesSpecialEvents(rule: EventRule): boolean {
  return rule.code ? special(rule.code) : Object.values(rule.code_from?.values ?? {}).some(special);
}

/** The mapping without its special category event rules (what a record's raw values may show). */
export function withoutSpecialRules(mapping: Mapping): Mapping {
  return mapping.events.some(ruleGivesSpecialEvents) ? { ...mapping, events: mapping.events.filter((r) => !ruleGivesSpecialEvents(r)) } : mapping;
}
