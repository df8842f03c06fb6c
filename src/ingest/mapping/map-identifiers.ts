/** All identifier roles of a record, standardised, with the problems that reject it and the fields dropped. */
import { emptyIdentifiers, type Identifiers } from '../canonical-record.ts';
import type { Problem } from '../error-codes.ts';
import type { IdentifierRole, Mapping } from '../mapping-schema.ts';
import type { FlatRecord } from '../source-row.ts';
import { roleSourceColumns } from './mapping-columns.ts';
import { ROLE_KEYS, standardiseRole } from './role-values.ts';

export interface MappedIdentifiers {
  readonly identifiers: Identifiers;
  /** Problems that reject the record (for a contact, none: its problems are only warnings). */
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

/** Standardises every mapped role; `lenient` (contacts) turns rejections into dropped fields. */
export function mapIdentifiers(fields: FlatRecord, roles: Mapping['record']['identifiers'], lenient: boolean): MappedIdentifiers {
  const identifiers = emptyIdentifiers() as Record<keyof Identifiers, unknown>;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const role of Object.keys(roles) as IdentifierRole[]) {
    const source = roles[role];
    if (!source) continue;
    const outcome = standardiseRole(role, fields, source);
    if (outcome.ok) {
      identifiers[ROLE_KEYS[role]] = outcome.value;
      continue;
    }
    const problem: Problem = { code: outcome.code, column: roleSourceColumns(source).join('+'), message: outcome.message };
    if (outcome.reject && !lenient) problems.push(problem);
    else warnings.push(lenient && outcome.reject ? { ...problem, code: 'INGEST_CONTACT_FIELD_DROPPED', message: `${outcome.message.replace(/; correct it at source$/, '')}; the contact's field is dropped` } : problem);
  }
  return { identifiers: identifiers as Identifiers, problems, warnings };
}

/** A record identifies someone when it has a name, or an NHS number, UPN, NI number, PNC id or extra id. */
export function hasIdentity(identifiers: Identifiers, extraIds: Record<string, string> | null): boolean {
  return Boolean(
    identifiers.givenName || identifiers.familyName || identifiers.nhsNumber || identifiers.upn
    || identifiers.niNumber || identifiers.pncId || (extraIds && Object.keys(extraIds).length > 0),
  );
}

/** The named columns' trimmed values (extra ids, attributes), or null when none is present. */
export function namedValues(fields: FlatRecord, columns: Record<string, string> | undefined): Record<string, string> | null {
  if (!columns) return null;
  let values: Record<string, string> | null = null;
  for (const [name, column] of Object.entries(columns)) {
    const value = fields[column]?.trim();
    if (value) (values ??= {})[name] = value;
  }
  return values;
}
