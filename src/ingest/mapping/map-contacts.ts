/**
 * The contacts a row records beside its subject (a parent, a carer, a sibling, a household
 * member): each is a source record of its own (kind `contact`) with a relationship from the
 * contact to the subject. A contact's problems never reject the subject's row: a field that cannot
 * be read is dropped, and a contact with neither a name nor an identifier is left out, with a warning.
 */
import type { CanonicalRecord, CanonicalRelationship } from '../canonical-record.ts';
import type { ContactRule, RelationshipKind } from '../mapping-schema.ts';
import type { FlatRecord, SourceRow } from '../source-row.ts';
import { holds } from './conditions.ts';
import { contactRuleColumns } from './mapping-columns.ts';
import { hasIdentity, mapIdentifiers } from './map-identifiers.ts';
import { NONE, type RowIssues } from './row-issues.ts';
import { groupElements, lookUp, rawValues, valueOf } from './row-values.ts';

export interface MappedContacts {
  readonly contacts: readonly CanonicalRecord[];
  readonly relationships: readonly CanonicalRelationship[];
}

/** What a mapping without contact rules finds in every row. */
export const NO_CONTACTS: MappedContacts = Object.freeze({ contacts: NONE, relationships: NONE });

/**
 * The contact's local id: the mapped column, or one derived from the subject's id, the rule and
 * the position, so that the same row always gives the same contact id.
 */
export const derivedContactId = (subjectId: string, ruleIndex: number, position: number): string =>
  `${subjectId}~contact-${ruleIndex + 1}-${position + 1}`;

/** Every contact the rules find in the row; what is dropped goes to `issues` as warnings. */
export function mapContacts(row: SourceRow, rules: readonly ContactRule[], subjectId: string, issues: RowIssues): MappedContacts {
  if (rules.length === 0) return NO_CONTACTS;
  const result = { contacts: [] as CanonicalRecord[], relationships: [] as CanonicalRelationship[] };
  rules.forEach((rule, index) => {
    const elements = rule.each === undefined ? [row.fields] : groupElements(row, rule.each);
    elements.forEach((element, position) => {
      if (!holds(rule.when, element)) return;
      const where = `contacts.${index}${rule.each === undefined ? '' : ` (${rule.each}.${position})`}`;
      const kind = kindOf(rule, element);
      if (kind === null) {
        const value = valueOf(element, rule.kind_from!.column);
        if (value !== null) issues.warn({ code: 'INGEST_UNKNOWN_CODE_VALUE', column: rule.kind_from!.column, message: `${where}: "${value}" is not in kind_from.values; the contact is left out` });
        return;
      }
      const identifiers = mapIdentifiers(element, rule.identifiers, true, issues);
      if (!hasIdentity(identifiers, null)) {
        issues.warn({ code: 'INGEST_CONTACT_DROPPED', message: `${where} has neither a name nor an identifier; it is left out` });
        return;
      }
      const localId = (rule.local_id && valueOf(element, rule.local_id)) || derivedContactId(subjectId, index, position);
      result.contacts.push({
        kind: 'contact', localId, rowNumber: row.rowNumber, identifiers, extraIds: null, attributes: null,
        raw: rawValues(element, columnsOf(rule)),
      });
      result.relationships.push({ fromLocalId: localId, toLocalId: subjectId, kind });
    });
  });
  return result;
}

const ruleColumns = new WeakMap<ContactRule, string[]>();
const columnsOf = (rule: ContactRule): string[] => {
  let columns = ruleColumns.get(rule);
  if (!columns) ruleColumns.set(rule, (columns = [...new Set(contactRuleColumns(rule))]));
  return columns;
};

function kindOf(rule: ContactRule, element: FlatRecord): RelationshipKind | null {
  if (rule.kind) return rule.kind;
  const value = valueOf(element, rule.kind_from!.column);
  return value === null ? null : lookUp(rule.kind_from!.values, value);
}
