/**
 * Turns one CSV row into the standardised values that get encoded, using the standardise stage:
 * names lower-case without punctuation, dates as YYYYMMDD, postcodes without spaces.
 */
import {
  normaliseEmail, normaliseName, normalisePhone, normalisePostcode, normaliseSex, parseDate, type DateFormat,
} from '../standardise/index.ts';
import type { LinkMap } from '../link/index.ts';
import { adaptiveCache } from './adaptive-cache.ts';

type RoleSource = LinkMap['columns'][string];

/** A record's id and its standardised identifier values, keyed by role or `extra_ids` name. */
export interface StandardRecord {
  id: string;
  values: Readonly<Record<string, string>>;
}

type Standardiser = (raw: string, source: RoleSource) => string | null;

const alphanumeric = (raw: string): string | null => raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') || null;
const name: Standardiser = (raw) => normaliseName(raw);

/** A date in YYYYMMDD; an eight-digit value that is no real date (a typo) keeps its digits. */
const date: Standardiser = (raw, source) => {
  const format = ((typeof source === 'object' && !Array.isArray(source) ? source.format : undefined) ?? 'auto') as DateFormat;
  const parsed = parseDate(raw, format);
  if (parsed.ok) return parsed.value.replaceAll('-', '');
  const digits = raw.replace(/\D/g, '');
  return digits.length === 8 ? digits : null;
};

const STANDARDISERS: Readonly<Record<string, Standardiser>> = {
  given_name: name, middle_names: name, family_name: name, former_family_names: name,
  address: name, locality: name, region: name,
  dob: date,
  sex: (raw) => normaliseSex(raw) ?? null,
  postcode: (raw) => normalisePostcode(raw)?.full.replace(' ', '').toLowerCase() ?? alphanumeric(raw),
  email: (raw) => normaliseEmail(raw),
  phone: (raw) => normalisePhone(raw) ?? (raw.replace(/\D/g, '') || null),
  nhs_number: alphanumeric, upn: alphanumeric, ni_number: alphanumeric, pnc_id: alphanumeric,
};

function rawValue(row: Readonly<Record<string, string | undefined>>, source: RoleSource): string {
  if (typeof source === 'string') return row[source] ?? '';
  if (Array.isArray(source)) return source.map((c) => row[c] ?? '').filter((v) => v.trim() !== '').join(' ');
  return row[source.column] ?? '';
}

/**
 * A row standardiser for one map (the MAP.json of `tributary link`): missing or unparseable values
 * are left out, and so are roles this stage does not encode. Each role's results are memoised
 * (names, dates and postcodes repeat), adaptively.
 */
export function createRowStandardiser(map: LinkMap): (row: Readonly<Record<string, string | undefined>>) => StandardRecord {
  const roles = Object.entries(map.columns).flatMap(([role, source]) => {
    const standardise = STANDARDISERS[role];
    return standardise ? [{ role, source, standardise, cache: adaptiveCache<string | null>() }] : [];
  });
  const extras = Object.entries(map.extra_ids);
  return (row) => {
    const values: Record<string, string> = {};
    for (const { role, source, standardise, cache } of roles) {
      const raw = rawValue(row, source).trim();
      const value = raw === '' ? null : cache.get(raw, () => standardise(raw, source));
      if (value) values[role] = value.toLowerCase();
    }
    for (const [extra, column] of extras) {
      const value = alphanumeric((row[column] ?? '').trim());
      if (value) values[extra] = value;
    }
    return { id: (row[map.id] ?? '').trim(), values };
  };
}

/** Standardises one row under a map (see {@link createRowStandardiser}, which is faster for many rows). */
export function standardiseRow(row: Readonly<Record<string, string | undefined>>, map: LinkMap): StandardRecord {
  return createRowStandardiser(map)(row);
}
