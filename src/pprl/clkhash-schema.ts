/**
 * The clkhash v3 linkage schema (anonlink's exchange format for how identifiers become CLKs),
 * modelled in Zod, plus Tributary's documented `x-tributary` extensions, which the clkhash JSON
 * Schema allows where it leaves objects open (on `clkConfig` and on each feature).
 */
import { z } from 'zod';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

export const HkdfSchema = z.object({
  type: z.literal('HKDF'),
  hash: z.enum(['SHA256', 'SHA512']).default('SHA256'),
  salt: Base64.optional(),
  info: Base64.optional(),
  keySize: z.number().int().min(1).max(64).default(64),
});

/** How a feature's value is read; only validation hints in this implementation. */
export const FeatureFormatSchema = z.union([
  z.object({
    type: z.literal('string'), encoding: z.enum(['ascii', 'utf-8', 'utf-16', 'utf-32']).optional(),
    case: z.enum(['upper', 'lower', 'mixed']).optional(), minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(), pattern: z.string().optional(), description: z.string().optional(),
  }).strict(),
  z.object({ type: z.literal('integer'), minimum: z.number().int().optional(), maximum: z.number().int().optional(), description: z.string().optional() }).strict(),
  z.object({ type: z.literal('date'), format: z.string(), description: z.string().optional() }).strict(),
  z.object({ type: z.literal('enum'), values: z.array(z.string()), description: z.string().optional() }).strict(),
]);

/** `bitsPerToken` (k per n-gram) or `bitsPerFeature` (k spread over the n-grams); v3 drafts named them `k` and `numBits`. */
export const StrategySchema = z.union([
  z.object({ bitsPerToken: z.number().int().min(1) }).strict(),
  z.object({ bitsPerFeature: z.number().int().min(1) }).strict(),
  z.object({ k: z.number().int().min(1) }).strict().transform((s) => ({ bitsPerToken: s.k })),
  z.object({ numBits: z.number().int().min(1) }).strict().transform((s) => ({ bitsPerFeature: s.numBits })),
]);
export type Strategy = { bitsPerToken: number } | { bitsPerFeature: number };

export const HashSchema = z.union([
  z.object({ type: z.literal('blakeHash') }).strict(),
  z.object({ type: z.literal('doubleHash'), prevent_singularity: z.boolean().default(false) }).strict(),
]);

export const HashingSchema = z.object({
  comparison: z.object({ type: z.literal('ngram'), n: z.number().int().min(1), positional: z.boolean().default(false) }).strict(),
  strategy: StrategySchema,
  hash: HashSchema.default({ type: 'blakeHash' }),
  missingValue: z.object({ sentinel: z.string(), replaceWith: z.string().optional() }).strict().optional(),
}).strict();

/** Tributary's per-feature extension: which identifier role fills it, and per-record salting. */
export const FeatureExtensionSchema = z.object({
  /** The MAP.json role (or `extra_ids` name) whose standardised value this feature encodes. */
  source: z.string().min(1),
  /** Part of the role's standardised value: a date's `year`, `month` or `day`, or the whole `value`. */
  part: z.enum(['value', 'year', 'month', 'day']).default('value'),
  /** Prefix every n-gram with this record's value of a stable attribute (hardening against frequency attacks). */
  saltWith: z.enum(['dob_year']).optional(),
}).strict();

export const FeatureSchema = z.object({
  identifier: z.string().min(1),
  description: z.string().optional(),
  format: FeatureFormatSchema,
  hashing: HashingSchema,
  'x-tributary': FeatureExtensionSchema.optional(),
});

export const IgnoredFeatureSchema = z.object({
  identifier: z.string().min(1),
  ignored: z.literal(true),
  description: z.string().optional(),
});

export const BLOCKING_PARTS = [
  'family_soundex', 'given_soundex', 'family_initial', 'given_initial', 'family_name', 'given_name',
  'dob', 'dob_year', 'dob_month_day', 'postcode', 'postcode_district', 'locality', 'address',
] as const;

/** A blocking key: an HMAC of the named parts of a record, opaque to the hub. */
export const BlockingKeySchema = z.object({
  name: z.string().min(1),
  /** Derived values joined before hashing; `extra:NAME` is the standardised value of an `extra_ids` entry. */
  parts: z.array(z.union([z.enum(BLOCKING_PARTS), z.string().regex(/^extra:.+$/, 'expected a blocking part or extra:NAME')])).min(1),
}).strict();
export type BlockingKey = z.infer<typeof BlockingKeySchema>;

/** Tributary's CLK-wide extension: balancing, and the blocking keys written beside each CLK. */
export const ClkExtensionSchema = z.object({
  /** Concatenate the filter with its complement under a keyed permutation: every CLK then has l set bits of 2l. */
  balance: z.boolean().default(false),
  /** Bytes kept of each blocking key's 8-byte SipHash-2-4. */
  blockingKeyBytes: z.number().int().min(4).max(8).default(8),
  blocking: z.array(BlockingKeySchema).default([]),
}).strict();

export const ClkhashSchemaV3 = z.object({
  version: z.literal(3),
  clkConfig: z.object({
    l: z.number().int().min(8).refine((l) => l % 8 === 0, 'l must be a multiple of 8'),
    kdf: HkdfSchema,
    xorFolds: z.number().int().min(0).max(4).default(0),
    'x-tributary': ClkExtensionSchema.optional(),
  }),
  features: z.array(z.union([FeatureSchema, IgnoredFeatureSchema])).min(1),
});

export type LinkageSchema = z.infer<typeof ClkhashSchemaV3>;
export type LinkageSchemaInput = z.input<typeof ClkhashSchemaV3>;
export type Feature = z.infer<typeof FeatureSchema>;

/** Whether a schema entry is hashed (rather than `ignored`). */
export function isHashedFeature(f: LinkageSchema['features'][number]): f is Feature {
  return !('ignored' in f);
}

/**
 * Parses a linkage schema, reporting every problem at once with its JSON path.
 * @param where the file the schema came from, for the message.
 */
export function parseLinkageSchema(json: unknown, where: string): LinkageSchema {
  const result = ClkhashSchemaV3.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  throw new Error(`${where} is not a valid clkhash v3 linkage schema:\n${problems}\nFix these fields, or omit --schema to use the default schema.`);
}
