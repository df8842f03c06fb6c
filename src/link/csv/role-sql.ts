/** The SQL that fills each engine column from a mapped role's raw columns, standardised. */
import type { IdentifierRole } from '../../ingest/mapping-schema.ts';
import { dateSql, type DateFormat } from '../prepare/date-sql.ts';
import {
  emailSql, identifierSql, nameListSql, nameSql, phoneSql, postcodeSql, sexSql, textSql,
} from '../prepare/standardise-sql.ts';
import { attributeColumn, extraIdColumn } from '../spec/record-columns.ts';
import { quoteIdent } from '../sql/quote.ts';
import { type LinkMap, type RoleSource, sourceColumns } from './link-map-schema.ts';

const joined = (columns: string[]) => (columns.length === 1 ? quoteIdent(columns[0]!) : `concat_ws(' ', ${columns.map(quoteIdent).join(', ')})`);

const ROLE_SQL: Record<IdentifierRole, (columns: string[], format: DateFormat) => string> = {
  given_name: (c) => nameSql(joined(c)),
  middle_names: (c) => nameSql(joined(c)),
  family_name: (c) => nameSql(joined(c)),
  former_family_names: (c) => nameListSql(c.length === 1 ? quoteIdent(c[0]!) : `concat_ws(';', ${c.map(quoteIdent).join(', ')})`),
  dob: (c, format) => dateSql(quoteIdent(c[0]!), format),
  sex: (c) => sexSql(quoteIdent(c[0]!)),
  postcode: (c) => postcodeSql(joined(c)),
  address: (c) => textSql(c.map(quoteIdent)),
  locality: (c) => textSql(c.map(quoteIdent)),
  region: (c) => textSql(c.map(quoteIdent)),
  nhs_number: (c) => identifierSql(joined(c)),
  upn: (c) => identifierSql(joined(c)),
  ni_number: (c) => identifierSql(joined(c)),
  pnc_id: (c) => identifierSql(joined(c)),
  email: (c) => emailSql(quoteIdent(c[0]!)),
  phone: (c) => phoneSql(joined(c)),
};

/** The date format of a role source (`auto` unless given). */
export function formatOf(source: RoleSource): DateFormat {
  return typeof source === 'object' && !Array.isArray(source) && source.format ? source.format as DateFormat : 'auto';
}

/** Each engine column with the SQL computing it from one raw row. */
export function roleSelectList(map: LinkMap): Array<{ column: string; sql: string }> {
  return [
    ...Object.entries(map.columns).map(([role, source]) => ({
      column: role, sql: ROLE_SQL[role as IdentifierRole](sourceColumns(source), formatOf(source)),
    })),
    ...Object.entries(map.extra_ids).map(([name, column]) => ({ column: extraIdColumn(name), sql: identifierSql(quoteIdent(column)) })),
    ...Object.entries(map.attributes).map(([name, column]) => ({ column: attributeColumn(name), sql: textSql(quoteIdent(column)) })),
  ];
}
