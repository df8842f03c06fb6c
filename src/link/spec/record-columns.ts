/**
 * The engine's input: a table with `source`, `record_id` and one column per identifier role
 * present (standardised: names lower-case words, dates `YYYY-MM-DD`, UK postcodes `SW1A 1AA`,
 * former family names separated by `;`), plus `id_<name>` per extra identifier and
 * `attr_<name>` per descriptive attribute. Every column is text.
 */
import { IDENTIFIER_ROLES } from '../../ingest/mapping-schema.ts';

export const ROLE_COLUMNS = IDENTIFIER_ROLES;
export type RoleColumn = (typeof ROLE_COLUMNS)[number];

/** Identifier roles that name one person (a different valid value means a different person). */
export const STRONG_ID_ROLES = ['nhs_number', 'upn', 'ni_number', 'pnc_id'] as const;

export const extraIdColumn = (name: string): string => `id_${safeName(name)}`;
export const attributeColumn = (name: string): string => `attr_${safeName(name)}`;

/** A name reduced to lower-case letters, digits and underscores. */
export function safeName(name: string): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return safe === '' ? 'x' : safe;
}

export const isExtraIdColumn = (column: string): boolean => column.startsWith('id_');
export const isAttributeColumn = (column: string): boolean => column.startsWith('attr_');

/** Whether a column of an input table is one the engine understands. */
export function isKnownColumn(column: string): boolean {
  return (ROLE_COLUMNS as readonly string[]).includes(column) || isExtraIdColumn(column) || isAttributeColumn(column);
}
