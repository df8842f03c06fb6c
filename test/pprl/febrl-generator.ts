/**
 * A FEBRL-style synthetic data generator for tests and benchmarks: originals with Zipf-distributed
 * names, and duplicates corrupted as FEBRL does (typos, OCR and phonetic errors, missing values,
 * swapped fields) — columns as in FEBRL: rec_id, given_name, surname, street_number, address_1,
 * address_2, suburb, postcode, state, date_of_birth, soc_sec_id. Truth is in the rec_id number.
 */
import { en, en_AU } from '@faker-js/faker';
import { seededRandom } from '../../src/pprl/seeded-random.ts';

export type FebrlRow = Record<string, string>;
export const FEBRL_COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;

const uniq = (xs: string[]): string[] => [...new Set(xs.map((x) => x.toLowerCase()).filter((x) => /^[a-z' -]+$/.test(x)))];
const GIVEN = uniq([...en_AU.person!.first_name!.female!, ...en_AU.person!.first_name!.male!, ...(en.person!.first_name as { generic: string[] }).generic]);
const SURNAMES = uniq([...(en_AU.person!.last_name as { generic: string[] }).generic, ...(en.person!.last_name as { generic: string[] }).generic]);
const SUBURBS = uniq(en.location!.city_name!);
const SUFFIXES = ['street', 'road', 'avenue', 'place', 'crescent', 'circuit', 'close', 'drive', 'parade', 'court'];
const BUILDINGS = ['', '', '', '', 'kelly house', 'rosedale', 'villa 3', 'unit 7', 'the grange', 'oak lodge'];
const STATES = ['nsw', 'nsw', 'nsw', 'vic', 'vic', 'qld', 'qld', 'wa', 'sa', 'tas', 'act', 'nt'];
const OCR: Record<string, string> = { '0': 'o', o: '0', '1': 'l', l: '1', '5': 's', s: '5', '8': 'b', b: '8', m: 'rn', g: '9', '9': 'g', e: 'c' };
const PHONETIC: Array<[string, string]> = [['ph', 'f'], ['ck', 'k'], ['ie', 'y'], ['ou', 'ow'], ['ee', 'ea'], ['th', 't'], ['mm', 'm'], ['ll', 'l'], ['son', 'sen'], ['c', 'k']];

export interface FebrlOptions {
  originals: number;
  seed: number;
  /** `link`: file A of originals and file B of one duplicate each (plus `extraB` unmatched records). `dedupe`: one file. */
  mode: 'link' | 'dedupe';
  /** For dedupe, the largest number of duplicates of one original (Zipf-distributed, as FEBRL). */
  maxDuplicates?: number;
  /** For dedupe, the share of originals that have duplicates. */
  duplicateShare?: number;
  /** Most fields changed in one duplicate. */
  maxModifications?: number;
  extraB?: number;
}

export interface FebrlData { a: FebrlRow[]; b: FebrlRow[] }

export function generateFebrl(options: FebrlOptions): FebrlData {
  const random = seededRandom(options.seed);
  const int = (n: number): number => Math.floor(random() * n);
  const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * random() ** 1.7))]!;
  const original = (n: number): FebrlRow => {
    const year = 1920 + int(85);
    const row: FebrlRow = {
      rec_id: `rec-${n}-org`, given_name: zipf(GIVEN), surname: zipf(SURNAMES), street_number: String(1 + int(random() < 0.8 ? 60 : 900)),
      address_1: `${zipf(SURNAMES)} ${zipf(SUFFIXES)}`, address_2: zipf(BUILDINGS), suburb: zipf(SUBURBS),
      postcode: String(2000 + int(8000)), state: zipf(STATES),
      date_of_birth: `${year}${String(1 + int(12)).padStart(2, '0')}${String(1 + int(28)).padStart(2, '0')}`,
      soc_sec_id: String(1000000 + int(9000000)),
    };
    for (const field of ['given_name', 'street_number', 'address_2', 'suburb', 'date_of_birth', 'state']) if (random() < 0.02) row[field] = '';
    return row;
  };
  const typo = (s: string): string => {
    if (s.length === 0) return s;
    const i = int(s.length);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[int(26)]!;
    const digit = String(int(10));
    const ch = /\d/.test(s[i]!) ? digit : letter;
    switch (int(4)) {
      case 0: return s.slice(0, i) + ch + s.slice(i);
      case 1: return s.length > 1 ? s.slice(0, i) + s.slice(i + 1) : s;
      case 2: return s.slice(0, i) + ch + s.slice(i + 1);
      default: return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
    }
  };
  const ocr = (s: string): string => {
    const spots = [...s].map((c, i) => (OCR[c] ? i : -1)).filter((i) => i >= 0);
    if (spots.length === 0) return typo(s);
    const i = spots[int(spots.length)]!;
    return s.slice(0, i) + OCR[s[i]!]! + s.slice(i + 1);
  };
  const phonetic = (s: string): string => {
    const rules = PHONETIC.filter(([from]) => s.includes(from));
    if (rules.length === 0) return typo(s);
    const [from, to] = rules[int(rules.length)]!;
    return s.replace(from, to);
  };
  const modify = (row: FebrlRow, copy: number): FebrlRow => {
    const dup: FebrlRow = { ...row, rec_id: row.rec_id!.replace('-org', `-dup-${copy}`) };
    const fields = FEBRL_COLUMNS.filter((c) => c !== 'rec_id');
    const count = 1 + int(options.maxModifications ?? 3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(fields[int(fields.length)]!);
    for (const field of chosen) {
      const v = dup[field] ?? '';
      const r = random();
      if (r < 0.08) dup[field] = '';
      else if (r < 0.12 && field === 'given_name') { dup.given_name = dup.surname!; dup.surname = v; }
      else if (r < 0.3 && !/^\d+$/.test(v)) dup[field] = phonetic(v);
      else if (r < 0.45) dup[field] = ocr(v);
      else if (r < 0.52 && field === 'date_of_birth' && v.length === 8) dup[field] = v.slice(0, 4) + v.slice(6, 8) + v.slice(4, 6);
      else dup[field] = typo(v);
    }
    return dup;
  };
  const originals = Array.from({ length: options.originals }, (_, n) => original(n));
  if (options.mode === 'link') {
    const b = originals.map((o) => modify(o, 0));
    for (let k = 0; k < (options.extraB ?? 0); k++) b.push({ ...original(options.originals + k), rec_id: `rec-${options.originals + k}-dup-0` });
    return { a: originals, b };
  }
  const all = [...originals];
  for (const o of originals) {
    if (random() >= (options.duplicateShare ?? 0.4)) continue;
    const copies = 1 + Math.floor((options.maxDuplicates ?? 5) * random() ** 2.5);
    for (let c = 0; c < copies; c++) all.push(modify(o, c));
  }
  return { a: all, b: [] };
}

/** Rows as CSV text (FEBRL's values contain no commas or quotes). */
export function toCsv(rows: readonly FebrlRow[]): string {
  return `${FEBRL_COLUMNS.join(',')}\n${rows.map((r) => FEBRL_COLUMNS.map((c) => r[c] ?? '').join(',')).join('\n')}\n`;
}

/** The MAP.json for FEBRL columns, as in the brief (gender, email and occupation are absent from FEBRL). */
export const FEBRL_MAP = {
  id: 'rec_id', link_type: 'link',
  columns: {
    given_name: 'given_name', family_name: 'surname', dob: { column: 'date_of_birth', format: 'YYYYMMDD' },
    address: ['street_number', 'address_1', 'address_2'], locality: 'suburb', postcode: 'postcode', region: 'state',
    sex: 'gender', email: 'email',
  },
  extra_ids: { soc_sec_id: 'soc_sec_id' },
  attributes: { occupation: 'occupation' },
};
