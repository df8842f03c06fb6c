/**
 * The default linkage schema: a fixed list of features (so that agencies with different maps
 * still produce comparable CLKs; absent roles just set no bits), one feature per `extra_ids`
 * entry, field-specific bit budgets, hashing into 2048 bits XOR-folded to 1024 and then balanced
 * (so every CLK is 2048 bits with exactly 1024 set), and blocking keys. Salting names with the year of
 * birth is available per feature (`x-tributary.saltWith`) but off by default: on FEBRL-style data it
 * cost 8 points of recall, since a typo in the year then scrambles the names too (docs/pprl.md).
 */
import type { BlockingKey, LinkageSchemaInput } from './clkhash-schema.ts';

type FeatureInput = LinkageSchemaInput['features'][number];

const text = { type: 'string', encoding: 'utf-8', case: 'lower' } as const;

function feature(identifier: string, n: number, positional: boolean, bits: number, salted = false, description?: string): FeatureInput {
  return {
    identifier,
    ...(description ? { description } : {}),
    format: text,
    hashing: {
      comparison: { type: 'ngram', n, positional },
      strategy: { bitsPerFeature: bits },
      hash: { type: 'blakeHash' },
    },
    'x-tributary': { source: identifier, part: 'value', ...(salted ? { saltWith: 'dob_year' as const } : {}) },
  };
}

/** The core features and their bit budgets (tuned on FEBRL-style data; see docs/pprl.md). */
export const DEFAULT_FEATURES: readonly FeatureInput[] = [
  feature('given_name', 2, false, 150),
  feature('family_name', 2, false, 150),
  feature('middle_names', 2, false, 40),
  feature('dob', 1, true, 150, false, 'date of birth as YYYYMMDD, positional digits'),
  feature('sex', 1, false, 20),
  feature('address', 2, false, 90),
  feature('locality', 2, false, 50),
  feature('postcode', 1, true, 60, false, 'postcode without spaces, positional characters'),
  feature('region', 2, false, 20),
  feature('email', 2, false, 80),
  feature('phone', 1, true, 60),
  feature('nhs_number', 2, false, 120),
  feature('upn', 2, false, 120),
  feature('ni_number', 2, false, 120),
  feature('pnc_id', 2, false, 120),
];

/** Blocking keys: each an HMAC of derived values, so that a true pair that differs by typos still shares one. */
export const DEFAULT_BLOCKING: readonly BlockingKey[] = [
  { name: 'family_soundex_yob', parts: ['family_soundex', 'dob_year'] },
  { name: 'given_soundex_yob', parts: ['given_soundex', 'dob_year'] },
  { name: 'initials_dob', parts: ['given_initial', 'family_initial', 'dob'] },
  { name: 'postcode_yob', parts: ['postcode', 'dob_year'] },
  { name: 'family_soundex_postcode', parts: ['family_soundex', 'postcode'] },
  { name: 'given_soundex_postcode', parts: ['given_soundex', 'postcode'] },
  { name: 'soundexes_locality', parts: ['given_soundex', 'family_soundex', 'locality'] },
  { name: 'dob_postcode', parts: ['dob', 'postcode'] },
  { name: 'address_locality', parts: ['address', 'locality'] },
];

/**
 * The default schema for a map's `extra_ids` names (each becomes a feature and a blocking key).
 * @example defaultSchema(['soc_sec_id']).features.at(-1).identifier // 'soc_sec_id'
 */
export function defaultSchema(extraIds: readonly string[]): LinkageSchemaInput {
  const extras = [...extraIds].sort();
  return {
    version: 3,
    clkConfig: {
      l: 1024,
      kdf: { type: 'HKDF', hash: 'SHA256', keySize: 64 },
      xorFolds: 1,
      'x-tributary': {
        balance: true,
        blockingKeyBytes: 8,
        blocking: [...DEFAULT_BLOCKING, ...extras.map((e) => ({ name: `id_${e}`, parts: [`extra:${e}`] }))],
      },
    },
    features: [...DEFAULT_FEATURES, ...extras.map((e) => feature(e, 2, false, 120))],
  };
}
