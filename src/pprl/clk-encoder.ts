/**
 * Encodes a standardised record as a CLK: every hashed feature's n-grams, under that feature's
 * own keys and bit budget, in one Bloom filter; then XOR-folding and balancing if the schema asks.
 */
import { isHashedFeature, type Feature, type LinkageSchema } from './clkhash-schema.ts';
import { balancer, keyedPermutation } from './bloom-filter.ts';
import { deriveKeys } from './key-derivation.ts';
import { featureEncoder } from './feature-encoder.ts';
import { blakeHasher, doubleHasher, type TokenHasher } from './ngram-hashing.ts';
import type { StandardRecord } from './record-standardiser.ts';

function featureValue(feature: Feature, values: Readonly<Record<string, string>>): string | undefined {
  const ext = feature['x-tributary'];
  const raw = values[ext?.source ?? feature.identifier];
  const missing = feature.hashing.missingValue;
  const value = missing && raw === missing.sentinel ? missing.replaceWith : raw;
  if (!value) return undefined;
  switch (ext?.part ?? 'value') {
    case 'year': return value.slice(0, 4);
    case 'month': return value.slice(4, 6);
    case 'day': return value.slice(6, 8);
    default: return value;
  }
}

function hasherFor(feature: Feature, secret: Uint8Array, schema: LinkageSchema, length: number): TokenHasher {
  const { kdf } = schema.clkConfig;
  const hash = feature.hashing.hash;
  if (hash.type === 'blakeHash') return blakeHasher(deriveKeys(secret, kdf, feature.identifier, 1)[0]!, length);
  const [k1, k2] = deriveKeys(secret, kdf, feature.identifier, 2);
  return doubleHasher(k1!, k2!, length, hash.prevent_singularity);
}

/** The length in bytes of the CLKs a schema produces. */
export function clkBytes(schema: LinkageSchema): number {
  return (schema.clkConfig.l / 8) * (schema.clkConfig['x-tributary']?.balance ? 2 : 1);
}

/** Builds the encoder for a schema and secret; the returned function is pure and deterministic. */
export function createClkEncoder(schema: LinkageSchema, secret: Uint8Array): (record: StandardRecord) => Uint8Array {
  const { l, xorFolds } = schema.clkConfig;
  const hashLength = l * 2 ** xorFolds;
  const encoders = schema.features.filter(isHashedFeature)
    .map((feature) => ({ feature, encode: featureEncoder(feature, hasherFor(feature, secret, schema, hashLength)) }));
  const permutation = schema.clkConfig['x-tributary']?.balance
    ? keyedPermutation(deriveKeys(secret, schema.clkConfig.kdf, 'balance', 1)[0]!, 2 * l)
    : undefined;
  const filter = new Uint8Array(hashLength / 8);
  const words = filter.length % 4 === 0 ? new Uint32Array(filter.buffer, filter.byteOffset, filter.length / 4) : undefined;
  const balanced = permutation ? balancer(permutation, l / 8) : undefined;
  return (record) => {
    filter.fill(0);
    const yob = record.values.dob?.slice(0, 4) ?? '';
    for (const { feature, encode } of encoders) {
      const value = featureValue(feature, record.values);
      if (value !== undefined) encode(filter, value, yob);
    }
    // XOR-fold in place: each fold XORs the upper half of what is left into the lower half (a word at a time when halves are whole words).
    let length = filter.length;
    for (let f = 0; f < xorFolds; f++) {
      length /= 2;
      if (words && length % 4 === 0) {
        const half = length / 4;
        for (let i = 0; i < half; i++) words[i] = words[i]! ^ words[i + half]!;
      } else {
        for (let i = 0; i < length; i++) filter[i] = filter[i]! ^ filter[i + length]!;
      }
    }
    const folded = filter.subarray(0, length);
    return balanced ? balanced(folded) : folded.slice();
  };
}
