/**
 * Turns one CSV row into the standardised values that get encoded, using the standardise stage:
 * names lower-case without punctuation, dates as YYYYMMDD, postcodes without spaces.
 */
import {
  normaliseEmail, normaliseName, normalisePhone, normalisePostcode, normaliseSex, parseDate, type DateFormat,
} from '../standardise/index.ts';
import type { LinkMap } from '../link/index.ts';
import { adaptiveCache } from './adaptive-cache.ts';
import { asciiAlphanumeric, FAST_STANDARDISERS } from './fast-standardise.ts';

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

/** Reads a mapped column from a row of type R ('' when absent). */
type ColumnReader<R> = (column: string) => (row: R) => string;

function rawReader<R>(source: RoleSource, column: ColumnReader<R>): (row: R) => string {
  if (typeof source === 'string') return column(source);
  if (Array.isArray(source)) {
    const parts = source.map(column);
    return (row) => {
      let out = '';
      for (const part of parts) {
        const v = part(row);
        if (v.trim() !== '') out = out === '' ? v : `${out} ${v}`;
      }
      return out;
    };
  }
  return column(source.column);
}

/**
 * The standardiser core for rows of any shape: each role reads its columns, tries the ASCII fast
 * path (the same result as the standardise stage's function on ASCII input, without regular
 * expressions or Unicode normalisation), else the standardise stage's function, memoised adaptively.
 */
function rowStandardiser<R>(map: LinkMap, column: ColumnReader<R>): (row: R) => StandardRecord {
  const roles = Object.entries(map.columns).flatMap(([role, source]) => {
    const standardise = STANDARDISERS[role];
    return standardise
      ? [{ role, source, read: rawReader(source, column), fast: FAST_STANDARDISERS[role], standardise, cache: adaptiveCache<string | null>() }]
      : [];
  });
  const extras = Object.entries(map.extra_ids).map(([extra, c]) => ({ extra, read: column(c) }));
  const readId = column(map.id);
  return (row) => {
    const values: Record<string, string> = {};
    for (const { role, source, read, fast, standardise, cache } of roles) {
      const raw = read(row).trim();
      if (raw === '') continue;
      const quick = fast?.(raw);
      if (quick !== undefined) {
        if (quick) values[role] = quick; // fast paths give lower case already
        continue;
      }
      const value = cache.get(raw, () => standardise(raw, source));
      if (value) values[role] = value.toLowerCase();
    }
    for (const { extra, read } of extras) {
      const raw = read(row).trim();
      const fast = asciiAlphanumeric(raw);
      const value = fast === undefined ? alphanumeric(raw) : fast;
      if (value) values[extra] = value;
    }
    return { id: readId(row).trim(), values };
  };
}

/**
 * A row standardiser for one map (the MAP.json of `tributary link`): missing or unparseable values
 * are left out, and so are roles this stage does not encode. Each role's results are memoised
 * (names, dates and postcodes repeat), adaptively.
 */
export function createRowStandardiser(map: LinkMap): (row: Readonly<Record<string, string | undefined>>) => StandardRecord {
  return rowStandardiser<Readonly<Record<string, string | undefined>>>(map, (c) => (row) => row[c] ?? '');
}

/** The same standardiser for CSV rows held as arrays of fields under a header. */
export function createFieldStandardiser(map: LinkMap, header: readonly string[]): (fields: readonly string[]) => StandardRecord {
  return rowStandardiser<readonly string[]>(map, (c) => {
    const at = header.indexOf(c);
    return at < 0 ? () => '' : (fields) => fields[at] ?? '';
  });
}

/** Standardises one row under a map (see {@link createRowStandardiser}, which is faster for many rows). */
export function standardiseRow(row: Readonly<Record<string, string | undefined>>, map: LinkMap): StandardRecord {
  return createRowStandardiser(map)(row);
}
