/**
 * A small seeded generator of FEBRL-style people data (given_name, surname, street_number,
 * address_1, address_2, suburb, postcode, state, date_of_birth YYYYMMDD, soc_sec_id) with
 * duplicates carrying typos, swapped fields, missing values, nicknames and transposed dates,
 * and the ground truth kept apart.
 */
import { ADDRESS_2, GIVEN_NAMES, NICKNAMES, STREETS, STREET_TYPES, SUBURBS, SURNAMES } from './febrl-vocabulary.ts';

export const FEBRL_COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2',
  'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;
export type FebrlRow = Record<(typeof FEBRL_COLUMNS)[number], string>;

/** Deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
/** Zipf-like pick: early entries are more common. */
const pickSkewed = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(xs.length * rng() ** 1.8)]!;
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Vocabulary: `febrl` (about 100 given names, 150 surnames, 70 postcodes: the size of the FEBRL
 * test sets, fine for thousands of records) or `county` (names varied by a suffix and postcodes
 * by two more digits: thousands of names and postcodes, so that a million records do not all
 * share a few dozen names — which no real population does).
 */
export type Vocabulary = 'febrl' | 'county';
const GIVEN_SUFFIXES = ['', 'a', 'ie', 'y', 'o', 'ah', 'ine', 'elle', 'an', 'en', 'on', 'ette', 'ina', 'is', 'us', 'el', 'ia', 'ey', 'ard', 'ric'];
const SURNAME_SUFFIXES = ['', 'son', 'ton', 'ley', 'er', 's', 'ford', 'well', 'wood', 'field', 'man', 'by', 'ham', 'worth', 'ridge',
  'more', 'dale', 'stone', 'brook', 'land', 'combe', 'hurst', 'bury', 'thorpe', 'wick', 'shaw', 'croft', 'gate', 'holm', 'leigh',
  'mont', 'ville', 'ing', 'ett', 'ock', 'kin', 'cott', 'lin', 'ard', 'ay'];
const vary = (rng: Rng, base: string, suffixes: readonly string[], vocabulary: Vocabulary) =>
  (vocabulary === 'county' && base ? base + pick(rng, suffixes) : base);

function original(rng: Rng, id: number, vocabulary: Vocabulary = 'febrl'): FebrlRow {
  const [suburb, basePostcode, state] = pick(rng, SUBURBS);
  const postcode = vocabulary === 'county' ? basePostcode + digits(rng, 2) : basePostcode;
  const y = 1920 + Math.floor(rng() * 90);
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return {
    rec_id: `rec-${id}-org`,
    given_name: rng() < 0.02 ? '' : vary(rng, pickSkewed(rng, GIVEN_NAMES), GIVEN_SUFFIXES, vocabulary),
    surname: rng() < 0.01 ? '' : vary(rng, pickSkewed(rng, SURNAMES), SURNAME_SUFFIXES, vocabulary),
    street_number: rng() < 0.05 ? '' : String(1 + Math.floor(rng() ** 2 * 300)),
    address_1: `${pick(rng, STREETS)} ${pick(rng, STREET_TYPES)}`,
    address_2: rng() < 0.6 ? '' : pick(rng, ADDRESS_2),
    suburb, postcode, state,
    date_of_birth: rng() < 0.03 ? '' : `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
    soc_sec_id: digits(rng, 7),
  };
}

/** One keying error: insert, delete, substitute or swap adjacent characters. */
export function typo(rng: Rng, s: string, alphabet = LETTERS): string {
  if (s.length < 2) return s + pick(rng, alphabet.split(''));
  const i = Math.floor(rng() * (s.length - 1));
  switch (Math.floor(rng() * 4)) {
    case 0: return s.slice(0, i) + pick(rng, alphabet.split('')) + s.slice(i);
    case 1: return s.slice(0, i) + s.slice(i + 1);
    case 2: return s.slice(0, i) + pick(rng, alphabet.split('')) + s.slice(i + 1);
    default: return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  }
}

const NUMERIC = new Set(['street_number', 'postcode', 'date_of_birth', 'soc_sec_id']);
const MODIFIABLE = ['given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'date_of_birth', 'soc_sec_id'] as const;

function modify(rng: Rng, row: FebrlRow, field: (typeof MODIFIABLE)[number]): void {
  const value = row[field];
  const r = rng();
  if (r < 0.12) { row[field] = ''; return; }
  if (field === 'given_name' && r < 0.3 && NICKNAMES[value]) { row[field] = pick(rng, NICKNAMES[value]!); return; }
  if (field === 'given_name' && r < 0.36) { [row.given_name, row.surname] = [row.surname, row.given_name]; return; }
  if (field === 'date_of_birth' && r < 0.35 && value.length === 8) {
    row[field] = value.slice(0, 4) + value.slice(6, 8) + value.slice(4, 6);
    return;
  }
  if (field === 'address_1' && r < 0.3) { row[field] = value.split(' ').reverse().join(' '); return; }
  row[field] = value === '' ? value : typo(rng, value, NUMERIC.has(field) ? '0123456789' : LETTERS);
}

function duplicate(rng: Rng, of: FebrlRow, id: number, n: number): FebrlRow {
  const row = { ...of, rec_id: `rec-${id}-dup-${n}` };
  const mods = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < mods; i++) modify(rng, row, pick(rng, MODIFIABLE));
  return row;
}

export interface FebrlData {
  readonly files: Array<{ name: string; rows: FebrlRow[] }>;
  /** source (file name), record_id, true_id */
  readonly truth: Array<{ source: string; record_id: string; true_id: string }>;
}

/**
 * `link`: file A holds the originals, file B one duplicate each of `linkShare` of them plus
 * unrelated others. `dedupe`: one file of originals and 1–4 duplicates of half of them.
 */
export function generateFebrlLike(options: { records: number; mode: 'link' | 'dedupe'; seed: number; linkShare?: number; vocabulary?: Vocabulary }): FebrlData {
  const vocabulary = options.vocabulary ?? 'febrl';
  const rng = random(options.seed);
  const truth: FebrlData['truth'] = [];
  if (options.mode === 'link') {
    const half = Math.floor(options.records / 2);
    const a: FebrlRow[] = [];
    const b: FebrlRow[] = [];
    for (let i = 0; i < half; i++) {
      const o = original(rng, i, vocabulary);
      a.push(o);
      truth.push({ source: 'a', record_id: o.rec_id, true_id: String(i) });
      const linked = rng() < (options.linkShare ?? 0.8);
      const other = linked ? duplicate(rng, o, i, 0) : original(rng, half + i, vocabulary);
      b.push(other);
      truth.push({ source: 'b', record_id: other.rec_id, true_id: String(linked ? i : half + i) });
    }
    return { files: [{ name: 'a', rows: a }, { name: 'b', rows: b }], truth };
  }
  const rows: FebrlRow[] = [];
  for (let i = 0; rows.length < options.records; i++) {
    const o = original(rng, i, vocabulary);
    rows.push(o);
    truth.push({ source: 'people', record_id: o.rec_id, true_id: String(i) });
    const dups = rng() < 0.5 ? 1 + Math.floor(rng() ** 2 * 4) : 0;
    for (let d = 0; d < dups && rows.length < options.records; d++) {
      const dup = duplicate(rng, o, i, d);
      rows.push(dup);
      truth.push({ source: 'people', record_id: dup.rec_id, true_id: String(i) });
    }
  }
  return { files: [{ name: 'people', rows }], truth };
}

/** Rows as CSV text with a header (values need no quoting: letters, digits and spaces). */
export function toCsv(rows: ReadonlyArray<Record<string, string>>, columns: readonly string[] = FEBRL_COLUMNS): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

/** The MAP.json for FEBRL-style files. */
export function febrlMap(linkType: 'link' | 'dedupe' | 'link_and_dedupe') {
  return {
    id: 'rec_id', link_type: linkType,
    columns: {
      given_name: 'given_name', family_name: 'surname',
      dob: { column: 'date_of_birth', format: 'YYYYMMDD' },
      address: ['street_number', 'address_1', 'address_2'],
      locality: 'suburb', postcode: 'postcode', region: 'state',
    },
    extra_ids: { soc_sec_id: 'soc_sec_id' },
  };
}
