/**
 * The indicators stage: risk factors derived from events as of a date (no look-ahead), stored with
 * the events that evidence them, and the feature table the score stage trains on.
 */
export {
  FactorConfigSchema, FactorDefinitionSchema, KNOWN_FROM, RELATION_DIRECTION,
  type FactorConfig, type FactorDefinition, type KnownFrom, type Subject, type ValueCondition,
} from './factor-definitions.ts';
export {
  DEFAULT_FACTOR_CONFIG_PATH, loadFactorConfig, parseFactorConfig, type FactorConfigResult,
} from './load-factor-config.ts';
export { AsOfDateSchema, parseAsOf } from './as-of-date.ts';
export { evaluateFactors, type EvaluationSummary, type FactorSummary } from './evaluate-factors.ts';
export {
  buildFeatureTable, buildFeatureTables, featureNames, FeatureRowSchema, FeatureTableOptionsSchema,
  type FeatureRow, type FeatureTable, type FeatureTableOptions,
} from './feature-table.ts';
export { PROVEN_OFFENCE_CODES } from './feature-population.ts';
export { featureCsv, writeFeatureCsv, PROTECTED_PREFIX } from './feature-csv.ts';
