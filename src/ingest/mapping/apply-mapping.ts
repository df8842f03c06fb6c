/**
 * Turns one source row into canonical records with a dataset's mapping: the subject (identifiers
 * standardised), its dated events, and the contacts it records with their relationships. A row
 * that cannot be loaded gives every reason at once; fields merely dropped come back as warnings.
 */
import type { CanonicalEvent, CanonicalRecord, CanonicalRelationship } from '../canonical-record.ts';
import type { Problem } from '../error-codes.ts';
import type { Mapping } from '../mapping-schema.ts';
import type { SourceRow } from '../source-row.ts';
import { mapContacts } from './map-contacts.ts';
import { mapEvents } from './map-events.ts';
import { hasIdentity, mapIdentifiers, namedValues } from './map-identifiers.ts';
import { mappingColumns, type MappingColumns } from './mapping-columns.ts';
import { groupElements, rawValues, valueOf } from './row-values.ts';
import { withoutSpecialRules } from './special-rules.ts';
import { parseDateMemo } from './memo.ts';
import { NONE, RowIssues } from './row-issues.ts';

export type MappedRow =
  | {
    readonly ok: true;
    readonly record: CanonicalRecord;
    readonly contacts: readonly CanonicalRecord[];
    readonly relationships: readonly CanonicalRelationship[];
    readonly events: readonly CanonicalEvent[];
    /** The date the row's values were true (`record.as_of`, ISO); null when the mapping has none or it is blank. */
    readonly asOf: string | null;
    /** Fields dropped (an invalid optional identifier, an unreadable contact field…): the row still loads. */
    readonly warnings: readonly Problem[];
  }
  | { readonly ok: false; readonly problems: readonly Problem[] };

interface RawColumns { readonly record: readonly string[]; readonly groups: readonly (readonly [string, readonly string[]])[] }

const columnsOf = new WeakMap<Mapping, RawColumns>();

/**
 * Applies the mapping to one row.
 *
 * @example
 * applyMapping({ rowNumber: 2, fields: { UPN: 'P1', Surname: "O'Brien", DOB: '01/02/2010' }, groups: {}, raw: '' }, mapping)
 * // { ok: true, record: { localId: 'P1', identifiers: { familyName: 'obrien', dob: '2010-02-01', … } }, events: [], … }
 */
export function applyMapping(row: SourceRow, mapping: Mapping): MappedRow {
  const { record: rules } = mapping;
  const issues = new RowIssues();
  const localId = valueOf(row.fields, rules.local_id);
  if (localId === null) {
    issues.reject({ code: 'INGEST_NO_LOCAL_ID', column: rules.local_id, message: `${rules.local_id} is empty: every row needs the agency's own id for the person; add it at source` });
  }
  const identifiers = mapIdentifiers(row.fields, rules.identifiers, false, issues);
  const extraIds = namedValues(row.fields, rules.extra_ids);
  if (!hasIdentity(identifiers, extraIds)) {
    const dropped = (issues.warnings ?? []).filter((w) => w.code === 'INGEST_INVALID_IDENTIFIER').map((w) => w.message.split(';')[0]).join('; ');
    issues.reject({ code: 'INGEST_NO_IDENTITY', message: `the row has no name and no identifier${dropped ? ` (${dropped})` : ''}, so it could never be linked to a person; add a name or a valid identifier at source` });
  }
  const events = mapEvents(row, mapping.events, issues);
  const asOf = asOfDate(row, rules.as_of, issues);
  if (issues.problems !== null || localId === null) return { ok: false, problems: issues.problems ?? [] };
  // contacts come last: their warnings follow the subject's
  const contacts = mapContacts(row, mapping.contacts, localId, issues);
  const record: CanonicalRecord = {
    kind: 'subject', localId, rowNumber: row.rowNumber, identifiers, extraIds,
    attributes: namedValues(row.fields, rules.attributes), raw: rawOf(row, mapping),
  };
  return {
    ok: true, record, contacts: contacts.contacts, relationships: contacts.relationships, events, asOf,
    warnings: issues.warnings ?? NONE,
  };
}

/** The row's `record.as_of` date (ISO), null when absent or blank; an unreadable one is a problem. */
function asOfDate(row: SourceRow, rule: Mapping['record']['as_of'], issues: RowIssues): string | null {
  const text = rule ? valueOf(row.fields, rule.column) : null;
  if (rule === undefined || text === null) return null;
  const date = parseDateMemo(text, rule.format);
  if (date.ok) return date.value;
  issues.reject({ code: 'INGEST_BAD_AS_OF', column: rule.column, message: `the as-of date ${date.message}; correct it at source` });
  return null;
}

/**
 * The mapped columns as they were: the row's own, and each used group's elements restricted to the
 * mapped columns — leaving out columns only special category event rules read (sealed in the event).
 */
function rawOf(row: SourceRow, mapping: Mapping): Record<string, unknown> {
  let columns = columnsOf.get(mapping);
  if (!columns) columnsOf.set(mapping, (columns = rawColumns(mappingColumns(withoutSpecialRules(mapping)))));
  const raw: Record<string, unknown> = rawValues(row.fields, columns.record);
  for (const [group, inner] of columns.groups) {
    const elements = groupElements(row, group).map((element) => rawValues(element, inner));
    if (elements.length > 0) raw[group] = elements;
  }
  return raw;
}

const rawColumns = (columns: MappingColumns): RawColumns => ({
  record: [...columns.record],
  groups: [...columns.groups].map(([group, inner]) => [group, [...inner]] as const),
});
