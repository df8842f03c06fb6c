/**
 * Reads and standardises one identifier role: names normalised, the date of birth parsed with its
 * declared format, postcodes normalised (a non-UK postcode is kept upper-cased), NHS number, UPN,
 * NI number and PNC id validated. A bad date of birth rejects the row; a bad optional identifier
 * is dropped with a warning (see src/ingest/README.md).
 */
import {
  normaliseEmail, normaliseNhsNumber, normaliseNiNumber, normalisePhone, normalisePncId,
  normaliseSex, normaliseUpn, splitFullName,
} from '../../standardise/index.ts';
import type { IngestErrorCode } from '../error-codes.ts';
import type { Identifiers } from '../canonical-record.ts';
import type { IdentifierRole, Mapping } from '../mapping-schema.ts';
import type { FlatRecord } from '../source-row.ts';
import { normaliseNameMemo, normalisePostcodeMemo, parseDateMemo } from './memo.ts';
import { valueOf } from './row-values.ts';

export type RoleSource = NonNullable<Mapping['record']['identifiers'][IdentifierRole]>;

/** Why a role's value cannot be used: `reject`ed, the row is quarantined; otherwise the field is dropped with a warning. */
export class RoleProblem {
  constructor(readonly reject: boolean, readonly code: IngestErrorCode, readonly message: string) {}
}

export type RoleValue = Identifiers[keyof Identifiers];

/** A standardised value, or why there is none (a value, not a wrapper: a row maps several roles). */
export type RoleOutcome = RoleValue | RoleProblem;

type Standardiser = (text: string, source: RoleSource) => RoleOutcome;

export const ROLE_KEYS: Record<IdentifierRole, keyof Identifiers> = {
  given_name: 'givenName', middle_names: 'middleNames', family_name: 'familyName',
  former_family_names: 'formerFamilyNames', dob: 'dob', sex: 'sex', postcode: 'postcode', address: 'address',
  locality: 'locality', region: 'region', nhs_number: 'nhsNumber', upn: 'upn', ni_number: 'niNumber',
  pnc_id: 'pncId', email: 'email', phone: 'phone',
};

const drop = (code: IngestErrorCode, message: string): RoleProblem => new RoleProblem(false, code, message);
const upper = (text: string): string => text.replace(/\s+/g, ' ').toUpperCase();
const UNKNOWN_SEX = /^(0|9|u|unknown|not known|not stated|not specified|prefer not to say|other)$/i;

const identifier = (normalise: (raw: string) => { ok: true; value: string } | { ok: false; message: string }): Standardiser =>
  (text) => {
    const result = normalise(text);
    return result.ok ? result.value : drop('INGEST_INVALID_IDENTIFIER', `${result.message}; it is dropped and the row loads without it`);
  };

const STANDARDISERS: Record<IdentifierRole, Standardiser> = {
  given_name: (text) => {
    const semicolon = text.indexOf(';');
    return normaliseNameMemo(semicolon === -1 ? text : text.slice(0, semicolon));
  },
  middle_names: (text) => normaliseNameMemo(text.replaceAll(';', ' ')),
  family_name: (text) => normaliseNameMemo(text),
  former_family_names: (text) => {
    const names = text.split(/[;|]/).map((n) => normaliseNameMemo(n)).filter((n): n is string => n !== null);
    return names.length ? names : null;
  },
  dob: (text, source) => {
    const format = typeof source === 'object' && !Array.isArray(source) && 'format' in source ? source.format : 'auto';
    const result = parseDateMemo(text, format);
    return result.ok ? result.value : new RoleProblem(true, 'INGEST_BAD_DOB', `the date of birth ${result.message}; correct it at source`);
  },
  sex: (text) => {
    const sex = normaliseSex(text);
    return sex || UNKNOWN_SEX.test(text) ? sex : drop('INGEST_UNKNOWN_SEX', `"${text}" is not a recognised sex; it is dropped`);
  },
  postcode: (text) => normalisePostcodeMemo(text)?.full ?? upper(text),
  address: (text) => upper(text),
  locality: (text) => upper(text),
  region: (text) => upper(text),
  nhs_number: identifier(normaliseNhsNumber),
  upn: identifier(normaliseUpn),
  ni_number: identifier(normaliseNiNumber),
  pnc_id: identifier(normalisePncId),
  email: (text) => {
    const email = normaliseEmail(text);
    return email ? email : drop('INGEST_INVALID_CONTACT_DETAIL', `"${text}" is not an email address; it is dropped`);
  },
  phone: (text) => {
    const phone = normalisePhone(text);
    return phone ? phone : drop('INGEST_INVALID_CONTACT_DETAIL', `"${text}" is not a UK phone number; it is dropped`);
  },
};

/** The role's text from the row: one column, several joined by spaces, or one part of a full name. */
export function readRole(fields: FlatRecord, source: RoleSource): string | null {
  if (typeof source === 'string') return valueOf(fields, source);
  if (Array.isArray(source)) {
    const parts = source.map((column) => valueOf(fields, column)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(' ') : null;
  }
  const text = valueOf(fields, source.column);
  if (text === null || !('layout' in source)) return text;
  const parts = splitFullName(text, source.layout);
  return source.part === 'family' ? parts.family : source.part === 'given' ? parts.given : parts.middle;
}

/** The standardised value of one role (null when the row has none), or why it cannot be used. */
export function standardiseRole(role: IdentifierRole, fields: FlatRecord, source: RoleSource): RoleOutcome {
  const text = readRole(fields, source);
  return text === null ? null : STANDARDISERS[role](text, source);
}
