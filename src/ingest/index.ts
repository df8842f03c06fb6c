/** The ingest stage: agency extracts in, canonical source records, events and relationships out. */
export { adapters } from './adapters/index.ts';
export type { Adapter, AdapterContext } from './core/adapter.ts';
export { IngestFileError } from './core/file-error.ts';
export { flatten, type Flattened } from './core/flatten.ts';
export { INGEST_ERRORS, type IngestErrorCode, type Problem } from './error-codes.ts';
export * from './mapping-schema.ts';
export type { AdapterItem, FlatRecord, Scalar, SourceRow, UnparseableRow } from './source-row.ts';
export {
  CanonicalEventSchema, CanonicalRecordSchema, CanonicalRelationshipSchema, IdentifiersSchema as CanonicalIdentifiersSchema,
  type CanonicalEvent, type CanonicalRecord, type CanonicalRelationship, type Identifiers,
} from './canonical-record.ts';
export { parseMapping, readMapping, type LocatedProblem, type MappingResult } from './mapping/load-mapping.ts';
export { applyMapping, type MappedRow } from './mapping/apply-mapping.ts';
export { derivedContactId } from './mapping/map-contacts.ts';
export { mappingColumns, type MappingColumns } from './mapping/mapping-columns.ts';
export { columnPolicy, type ColumnPolicy } from './agreement/column-policy.ts';
export { checkAgreement, type AgreementCheck } from './agreement/check-agreement.ts';
export { prepareDataset, prepareMapping, type Preparation } from './load/prepare-dataset.ts';
export { loadFile, type DatasetPlan, type FileOutcome, type LoadOptions, type LoadProgress } from './load/load-file.ts';
export type { LoadStats } from './load/load-stats.ts';
export { summaryTable } from './load/summary-table.ts';
export { loadTown, type LoadTownOptions } from './load/load-town.ts';
