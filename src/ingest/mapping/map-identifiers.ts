/** All identifier roles of a record, standardised, with the problems that reject it and the fields dropped. */
import { emptyIdentifiers, type Identifiers } from '../canonical-record.ts';
import type { IdentifierRole, Mapping } from '../mapping-schema.ts';
import type { FlatRecord } from '../source-row.ts';
import { roleSourceColumns } from './mapping-columns.ts';
import { ROLE_KEYS, RoleProblem, standardiseRole, type RoleSource } from './role-values.ts';
import type { RowIssues } from './row-issues.ts';

type Roles = Mapping['record']['identifiers'];

/** One mapped role, worked out once per mapping: where its value goes and the columns a problem names. */
interface MappedRole {
  readonly role: IdentifierRole;
  readonly source: RoleSource;
  readonly key: keyof Identifiers;
  readonly columns: string;
}

const compiled = new WeakMap<Roles, readonly MappedRole[]>();

function mappedRoles(roles: Roles): readonly MappedRole[] {
  let list = compiled.get(roles);
  if (!list) {
    list = (Object.keys(roles) as IdentifierRole[]).flatMap((role) => {
      const source = roles[role];
      return source ? [{ role, source, key: ROLE_KEYS[role], columns: roleSourceColumns(source).join('+') }] : [];
    });
    compiled.set(roles, list);
  }
  return list;
}

/**
 * Standardises every mapped role; a problem rejects the row (`issues.reject`) or drops the field
 * (`issues.warn`). `lenient` (contacts) turns rejections into dropped fields.
 */
export function mapIdentifiers(fields: FlatRecord, roles: Roles, lenient: boolean, issues: RowIssues): Identifiers {
  const identifiers = emptyIdentifiers() as Record<keyof Identifiers, unknown>;
  const list = mappedRoles(roles);
  for (let i = 0; i < list.length; i += 1) {
    const { role, source, key, columns } = list[i]!;
    const outcome = standardiseRole(role, fields, source);
    if (!(outcome instanceof RoleProblem)) {
      identifiers[key] = outcome;
      continue;
    }
    if (outcome.reject && !lenient) issues.reject({ code: outcome.code, column: columns, message: outcome.message });
    else if (lenient && outcome.reject) {
      issues.warn({ code: 'INGEST_CONTACT_FIELD_DROPPED', column: columns, message: `${outcome.message.replace(/; correct it at source$/, '')}; the contact's field is dropped` });
    } else issues.warn({ code: outcome.code, column: columns, message: outcome.message });
  }
  return identifiers as Identifiers;
}

/** A record identifies someone when it has a name, or an NHS number, UPN, NI number, PNC id or extra id. */
export function hasIdentity(identifiers: Identifiers, extraIds: Record<string, string> | null): boolean {
  return Boolean(
    identifiers.givenName || identifiers.familyName || identifiers.nhsNumber || identifiers.upn
    || identifiers.niNumber || identifiers.pncId || (extraIds && Object.keys(extraIds).length > 0),
  );
}

const entriesOf = new WeakMap<Record<string, string>, readonly (readonly [string, string])[]>();

/** The named columns' trimmed values (extra ids, attributes), or null when none is present. */
export function namedValues(fields: FlatRecord, columns: Record<string, string> | undefined): Record<string, string> | null {
  if (!columns) return null;
  let entries = entriesOf.get(columns);
  if (!entries) entriesOf.set(columns, (entries = Object.entries(columns)));
  let values: Record<string, string> | null = null;
  for (const [name, column] of entries) {
    const value = fields[column]?.trim();
    if (value) (values ??= {})[name] = value;
  }
  return values;
}
