/**
 * Keyed-hash blocking keys: each key is the SipHash-2-4 (a keyed PRF for short inputs), under its
 * own HKDF-derived key, of derived values (a soundex code, a year of birth…), truncated. The hub sees only which records share a
 * key, never the values. A record missing a part gets a key unique to it, so the number of keys
 * per record does not reveal which values were missing.
 */
import { soundex } from '../standardise/index.ts';
import type { BlockingKey, LinkageSchema } from './clkhash-schema.ts';
import { deriveKeys } from './key-derivation.ts';
import type { StandardRecord } from './record-standardiser.ts';
import { siphash24 } from './siphash.ts';

const MAX_CACHED_KEYS = 200_000;

type PartReader = (values: Readonly<Record<string, string>>) => string | undefined;

const firstLetter = (v: string | undefined): string | undefined => v?.replace(/[^a-z]/g, '')[0];
const nonEmpty = (v: string | undefined): string | undefined => (v ? v : undefined);

const PARTS: Record<string, PartReader> = {
  family_soundex: (v) => nonEmpty(v.family_name && soundex(v.family_name)),
  given_soundex: (v) => nonEmpty(v.given_name && soundex(v.given_name)),
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

function readPart(part: string, values: Readonly<Record<string, string>>): string | undefined {
  if (part.startsWith('extra:')) return values[part.slice('extra:'.length)];
  return PARTS[part]?.(values);
}

/** Computes the blocking keys of standardised records under one schema and secret. */
export function createBlockingKeyer(schema: LinkageSchema, secret: Uint8Array): (record: StandardRecord) => string[] {
  const ext = schema.clkConfig['x-tributary'];
  const keys: BlockingKey[] = ext?.blocking ?? [];
  const bytes = ext?.blockingKeyBytes ?? 8;
  const sipKeys = keys.map((k) => deriveKeys(secret, schema.clkConfig.kdf, `blocking:${k.name}`, 1)[0]!);
  const caches = keys.map(() => new Map<string, string>());
  const mac = (i: number, input: string): string =>
    Buffer.from(siphash24(sipKeys[i]!, Buffer.from(input, 'utf8'))).subarray(0, bytes).toString('base64');
  const cachedMac = (i: number, input: string): string => {
    const cache = caches[i]!;
    let out = cache.get(input);
    if (out === undefined) {
      out = mac(i, input);
      if (cache.size >= MAX_CACHED_KEYS) cache.clear();
      cache.set(input, out);
    }
    return out;
  };
  return (record) => keys.map((key, i) => {
    const parts = key.parts.map((p) => readPart(p, record.values));
    if (parts.every((p) => p !== undefined && p !== '')) return cachedMac(i, `v\u001f${parts.join('\u001f')}`);
    return mac(i, `missing\u001f${record.id}`);
  });
}
