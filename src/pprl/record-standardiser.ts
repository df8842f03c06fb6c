/**
 * Turns one CSV row into the standardised values that get encoded, using the standardise stage:
 * names lower-case without punctuation, dates as YYYYMMDD, postcodes without spaces.
 */
import {
  normaliseEmail, normaliseName, normalisePhone, normalisePostcode, normaliseSex, parseDate, type DateFormat,
} from '../standardise/index.ts';
import type { LinkMap } from '../link/index.ts';

type RoleSource = LinkMap['columns'][string];

/** A record's id and its standardised identifier values, keyed by role or `extra_ids` name. */
export interface StandardRecord {
  id: string;
  values: Readonly<Record<string, string>>;
}

type Standardiser = (raw: string, source: RoleSource) => string | null;

const alphanumeric = (raw: string): string | null => raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') || null;
/** Names repeat (Zipf): their normal forms are memoised, in a bounded cache. */
const nameCache = new Map<string, string | null>();
const name: Standardiser = (raw) => {
  let value = nameCache.get(raw);
  if (value === undefined) {
    value = normaliseName(raw);
    if (nameCache.size >= 100_000) nameCache.clear();
    nameCache.set(raw, value);
  }
  return value;
};

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
  address: (raw) => normaliseName(raw), locality: name, region: name,
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
 * Standardises one row under a map (the MAP.json of `tributary link`); missing or unparseable
 * values are left out, and so are roles this stage does not encode.
 */
export function standardiseRow(row: Readonly<Record<string, string | undefined>>, map: LinkMap): StandardRecord {
  const values: Record<string, string> = {};
  for (const [role, source] of Object.entries(map.columns)) {
    const standardise = STANDARDISERS[role];
    const raw = rawValue(row, source).trim();
    const value = raw === '' || !standardise ? null : standardise(raw, source);
    if (value) values[role] = String(value).toLowerCase();
  }
  for (const [extra, column] of Object.entries(map.extra_ids)) {
    const value = alphanumeric((row[column] ?? '').trim());
    if (value) values[extra] = value;
  }
  return { id: (row[map.id] ?? '').trim(), values };
}
