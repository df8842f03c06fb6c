/** The derived values blocking keys are made of (a soundex code, a year of birth…), computed once per record. */
import { soundex } from '../standardise/index.ts';
import { asciiSoundex, firstLetter } from './fast-standardise.ts';

type PartReader = (values: Readonly<Record<string, string>>) => string | undefined;

const soundexCache = new Map<string, string>();
/** Soundex of a standardised name (ASCII directly, others memoised); undefined for none. */
function cachedSoundex(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const fast = asciiSoundex(name);
  if (fast !== undefined) return fast || undefined;
  let code = soundexCache.get(name);
  if (code === undefined) {
    code = soundex(name);
    if (soundexCache.size >= 100_000) soundexCache.clear();
    soundexCache.set(name, code);
  }
  return code || undefined;
}


const PARTS: Readonly<Record<string, PartReader>> = {
  family_soundex: (v) => cachedSoundex(v.family_name),
  given_soundex: (v) => cachedSoundex(v.given_name),
  family_initial: (v) => firstLetter(v.family_name),
  given_initial: (v) => firstLetter(v.given_name),
  family_name: (v) => v.family_name,
  given_name: (v) => v.given_name,
  dob: (v) => v.dob,
  dob_year: (v) => v.dob?.slice(0, 4),
  dob_month_day: (v) => v.dob?.slice(4, 8),
  postcode: (v) => v.postcode,
  postcode_district: (v) => v.postcode?.slice(0, -3),
  locality: (v) => v.locality,
  address: (v) => v.address,
};

/**
 * A reader of the given parts: returns their values for a record, in order ('' where missing).
 * `extra:NAME` reads the standardised value of that `extra_ids` entry.
 */
export function partsReader(parts: readonly string[]): (values: Readonly<Record<string, string>>) => string[] {
  const readers = parts.map((part): PartReader => {
    if (part.startsWith('extra:')) { const name = part.slice('extra:'.length); return (v) => v[name]; }
    const reader = PARTS[part];
    if (!reader) throw new Error(`unknown blocking part "${part}" in the schema; use one of ${Object.keys(PARTS).join(', ')} or extra:NAME.`);
    return reader;
  });
  return (values) => readers.map((read) => read(values) ?? '');
}
