/** The link stage: Fellegi-Sunter probabilistic record linkage on DuckDB. Its public surface. */
export { LinkError, LINK_ERROR_CODES, type LinkErrorCode } from './link-error.ts';
export { linkRecords, type LinkRecordsOptions, type LinkResult } from './link-records.ts';
export type { OnProgress, ProgressEvent } from './run-context.ts';
export { defaultSpec } from './spec/default-spec.ts';
export {
  LinkageSpecSchema, LINK_TYPES, SPEC_VERSION, type LinkageSpec, type LinkageSpecInput, type LinkType, type Comparison,
} from './spec/linkage-spec-schema.ts';
export { BlockingRuleSchema, type BlockingRule } from './spec/blocking-rule-schema.ts';
export { LevelSchema, type Level, type LevelKind } from './levels/level-schema.ts';
export { levelLabel, levelSql } from './levels/levels.ts';
export { parseSpec, readSpecFile, specHash } from './spec/spec-io.ts';
export { extraIdColumn, attributeColumn, ROLE_COLUMNS } from './spec/record-columns.ts';
export type { Dialect, DialectFunction } from './sql/dialect.ts';
export { duckdbDialect } from './sql/duckdb-dialect.ts';
export { TrainedModelSchema, type TrainedModel } from './training/model-schema.ts';
export { waterfall, type WaterfallStep, type PairVector } from './explain/waterfall.ts';
export { explainPair } from './explain/explain-pair.ts';
export { waterfallChart, mUChart, matchWeightsChart } from './explain/charts.ts';
export { modelTable } from './explain/model-table.ts';
export { scorePair, searchRecord, type SearchCandidate } from './search/search-record.ts';
export { measureQuality, type QualityReport, type LabelledRecord } from './evaluate/cluster-metrics.ts';
export { evaluateFiles, type EvaluationReport } from './evaluate/evaluate-files.ts';
export { linkFiles, readLinkMap, readModelFile, type LinkFilesResult } from './csv/link-files.ts';
export { LinkMapSchema, type LinkMap } from './csv/link-map-schema.ts';
export { linkStore, type LinkStoreOptions, type LinkStoreResult } from './store/link-store.ts';
export { evaluateStore, type StoreEvaluation } from './evaluate/evaluate-store.ts';
export type { RecordKey } from './cluster/record-keys.ts';
export { linkIncremental, type LinkIncrementalOptions, type LinkIncrementalResult } from './store/link-incremental.ts';
export { openPersonSearch, searchPersons, standardiseProbe, type PersonCandidate, type PersonSearch } from './store/search-persons.ts';
export { explainStoredPair, type StoredPairExplanation } from './store/explain-stored.ts';
export type { VegaLiteSpec } from './explain/charts.ts';
