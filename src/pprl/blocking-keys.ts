/**
 * Keyed-hash blocking keys: each key is a truncated HMAC-SHA256, under its own HKDF-derived key,
 * of derived values (a soundex code, a year of birth…). The hub sees only which records share a
 * key, never the values. A record missing a part gets a key unique to it, so the number of keys
 * per record does not reveal which values were missing.
 */
import { createHmac } from 'node:crypto';
import { soundex } from '../standardise/index.ts';
import type { BlockingKey, LinkageSchema } from './clkhash-schema.ts';
import { deriveKeys } from './key-derivation.ts';
import type { StandardRecord } from './record-standardiser.ts';

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
  const hmacKeys = keys.map((k) => deriveKeys(secret, schema.clkConfig.kdf, `blocking:${k.name}`, 1)[0]!);
  return (record) => keys.map((key, i) => {
    const parts = key.parts.map((p) => readPart(p, record.values));
    const complete = parts.every((p) => p !== undefined && p !== '');
    const input = complete ? `v\u001f${parts.join('\u001f')}` : `missing\u001f${record.id}`;
    return createHmac('sha256', hmacKeys[i]!).update(input, 'utf8').digest().subarray(0, bytes).toString('base64');
  });
}
