/**
 * Privacy-preserving record linkage: agencies encode identifiers as keyed Bloom-filter CLKs on
 * their own premises; the hub links the encodings without seeing a name, a date or an address.
 */
export {
  ClkhashSchemaV3, parseLinkageSchema, isHashedFeature,
  type LinkageSchema, type LinkageSchemaInput, type Feature, type BlockingKey,
} from './clkhash-schema.ts';
export { defaultSchema } from './default-schema.ts';
export { createClkEncoder, clkBytes } from './clk-encoder.ts';
export { createBlockingKeyer } from './blocking-keys.ts';
export { standardiseRow, createRowStandardiser, type StandardRecord } from './record-standardiser.ts';
export { secretFromFile, deriveKeys } from './key-derivation.ts';
export { encodeCsvFile, readSchemaFile, schemaForMap, type EncodeFileOptions, type EncodeFileResult } from './encode-file.ts';
export {
  readEncodedFile, sourceName, schemaPathFor, EncodedLineSchema,
  type EncodedRecord, type EncodedSource, type EncodedLine,
} from './clk-file.ts';
export { diceReference, createDiceKernel, packFilters, type DiceKernel, type PackedFilters } from './dice-kernel.ts';
export { compareAllPairs, type AllPairsResult } from './dice-workers.ts';
export { linkEncodings, type LinkEncodingsOptions, type LinkEncodingsResult, type LinkedPair, type ClusterAssignment } from './link-encodings.ts';
export { writeLinkOutput } from './link-output.ts';
export { fitScoreMixture, scoreHistogram, matchWeight, type MixtureFit } from './score-mixture.ts';
export type { LinkType } from './candidate-pairs.ts';
