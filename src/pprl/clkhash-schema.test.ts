import { describe, expect, it } from 'vitest';
import { ClkhashSchemaV3, parseLinkageSchema } from './clkhash-schema.ts';
import { defaultSchema } from './default-schema.ts';

/** clkhash's own v3 example for FEBRL data (docs/_static/febrl_schema_v3_final.json), abridged. */
const CLKHASH_FEBRL_V3 = {
  version: 3,
  clkConfig: {
    l: 1024,
    kdf: { type: 'HKDF', hash: 'SHA256', info: 'c2NoZW1hX2V4YW1wbGU=', salt: 'SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==', keySize: 64 },
  },
  features: [
    { identifier: 'rec_id', ignored: true },
    { identifier: 'given_name', format: { type: 'string', encoding: 'utf-8', maxLength: 64 }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerFeature: 200 }, hash: { type: 'doubleHash' } } },
    { identifier: 'street_number', format: { type: 'integer' }, hashing: { comparison: { type: 'ngram', n: 1, positional: true }, strategy: { bitsPerFeature: 100 }, missingValue: { sentinel: '' } } },
    { identifier: 'postcode', format: { type: 'integer', minimum: 50, maximum: 9999 }, hashing: { comparison: { type: 'ngram', n: 1, positional: true }, strategy: { bitsPerFeature: 100 } } },
  ],
};

describe('the clkhash v3 linkage schema', () => {
  it('accepts the default schema, which round-trips through JSON', () => {
    const schema = parseLinkageSchema(defaultSchema(['soc_sec_id']), 'default');
    expect(ClkhashSchemaV3.parse(JSON.parse(JSON.stringify(schema)))).toEqual(schema);
    expect(schema.version).toBe(3);
    expect(schema.clkConfig.kdf).toMatchObject({ type: 'HKDF', hash: 'SHA256', keySize: 64 });
    expect(schema.features.map((f) => f.identifier)).toContain('soc_sec_id');
  });

  it('accepts clkhash\'s own FEBRL v3 schema, filling its defaults', () => {
    const schema = parseLinkageSchema(CLKHASH_FEBRL_V3, 'febrl');
    const postcode = schema.features[3]!;
    expect('hashing' in postcode && postcode.hashing.hash).toEqual({ type: 'blakeHash' });
    expect(schema.clkConfig.xorFolds).toBe(0);
  });

  it('reads the v3 draft strategy names k and numBits as bitsPerToken and bitsPerFeature', () => {
    const draft = structuredClone(CLKHASH_FEBRL_V3);
    (draft.features[1] as { hashing: { strategy: object } }).hashing.strategy = { numBits: 150 };
    (draft.features[2] as { hashing: { strategy: object } }).hashing.strategy = { k: 20 };
    const schema = parseLinkageSchema(draft, 'draft');
    expect(schema.features[1]).toMatchObject({ hashing: { strategy: { bitsPerFeature: 150 } } });
    expect(schema.features[2]).toMatchObject({ hashing: { strategy: { bitsPerToken: 20 } } });
  });

  /** The parts of a clkhash schema the cases below break. */
  type Draft = { version: number; clkConfig: { l: number; kdf: { type: string } }; features: Array<{ hashing: { comparison: unknown } }> };
  it.each([
    { description: 'another version', change: (s: Draft) => { s.version = 2; }, path: 'version' },
    { description: 'an unknown KDF', change: (s: Draft) => { s.clkConfig.kdf.type = 'PBKDF2'; }, path: 'clkConfig.kdf.type' },
    { description: 'a filter length that is not whole bytes', change: (s: Draft) => { s.clkConfig.l = 1001; }, path: 'clkConfig.l' },
    { description: 'a comparison other than n-grams', change: (s: Draft) => { s.features[1]!.hashing.comparison = { type: 'exact' }; }, path: 'features.1' },
  ])('rejects $description, naming where', ({ change, path }) => {
    const bad = structuredClone(CLKHASH_FEBRL_V3);
    change(bad as unknown as Draft);
    expect(() => parseLinkageSchema(bad, 'bad.json')).toThrow(new RegExp(`bad\\.json is not a valid clkhash v3 linkage schema:[\\s\\S]*${path.replaceAll('.', '\\.')}`));
  });
});
