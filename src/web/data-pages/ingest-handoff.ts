/**
 * Where an uploaded file meets the ingest stage: the dataset's registered mapping is checked again
 * against the agreements in force today (`prepareMapping`), then the file is loaded as one ingest
 * batch (`loadFile`), every row loaded or quarantined. Expected failures (no agreement, a bad file)
 * come back as `failed` with the ingest stage's code and message.
 */
import { loadFile, MappingSchema, prepareMapping } from '../../ingest/index.ts';
import type { Store } from '../../store/index.ts';

export interface HandOffResult {
  status: 'received' | 'ingested' | 'failed';
  batchId: number | null;
  message: string;
}

export interface SavedUpload {
  id: number;
  datasetId: string;
  storedPath: string;
  fileName: string;
}

/** Loads a saved upload into its dataset. Messages name the uploaded file, never the path on the server. */
export async function ingestUpload(store: Store, upload: SavedUpload, today = new Date()): Promise<HandOffResult> {
  const [dataset] = await store.sql.query<{ mapping: unknown }>('SELECT mapping FROM datasets WHERE id = $1', [upload.datasetId]);
  const mapping = MappingSchema.safeParse(typeof dataset?.mapping === 'string' ? JSON.parse(dataset.mapping) : dataset?.mapping);
  if (!mapping.success) {
    return { status: 'failed', batchId: null, message: `The dataset ${upload.datasetId} has no valid mapping yet; ask the linkage analyst.` };
  }
  const prepared = await prepareMapping(store, mapping.data, today.toISOString().slice(0, 10));
  if (!prepared.ok) {
    return { status: 'failed', batchId: null, message: `${prepared.code}: ${prepared.problems.map((p) => p.message).join('; ')}` };
  }
  const outcome = await loadFile(store, prepared.plan, upload.storedPath);
  const clean = (text: string) => text.split(upload.storedPath).join(upload.fileName);
  switch (outcome.status) {
    case 'loaded':
      return {
        status: 'ingested', batchId: outcome.batchId,
        message: `${outcome.stats.rowsLoaded} rows loaded, ${outcome.stats.rowsQuarantined} quarantined.`,
      };
    case 'already-loaded':
      return { status: 'ingested', batchId: outcome.batchId, message: 'This file had already been loaded; nothing new was added.' };
    case 'failed':
      return { status: 'failed', batchId: outcome.batchId, message: clean(`${outcome.code}: ${outcome.message}`) };
  }
}
