export { openStore, type Db, type OpenStoreOptions, type SqlClient, type Store } from './database.ts';
export type { CopyIn } from './copy-in.ts';
export * as tables from './schema/index.ts';
export type {
  Agency, Agreement, Dataset, EventRow, IngestBatch, NewEvent, NewSourceRecord, QuarantinedRow,
  Relationship, SourceRecord,
} from './schema/index.ts';
