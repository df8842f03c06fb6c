/** The synthetic town: agency extracts with realistic faults, driven by a documented causal model, and the truth apart. */
export { generateTown, type SynthSummary } from './generate-town.ts';
export { buildTown, liveTown, type FamilyBatch, type Town } from './model/build-town.ts';
export {
  SynthOptionsSchema, FaultRatesSchema, FAULT_KINDS, DEFAULT_AGE_PROFILE, effectiveRate,
  type SynthOptions, type SynthOptionsInput, type FaultKind, type FaultRates, type AgeBand,
} from './options.ts';
export { BiasSchema, parseBiasSpec, recordingFactor, ETHNIC_GROUPS, type Bias, type EthnicGroup } from './bias-spec.ts';
export { parseAgeProfile, parseBiases, parseFaultSpec } from './option-specs.ts';
export { DATASETS, type DatasetId, type DatasetSpec } from './extracts/datasets.ts';
export { ageCurve } from './model/offending-year.ts';
