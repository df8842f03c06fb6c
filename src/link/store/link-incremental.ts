/**
 * Incremental linking: source records not yet in any person (a new monthly extract) are blocked
 * against every record, scored with the last run's saved model (no training), attached to
 * existing persons or made new persons (guarded against chaining two persons), and recorded as
 * an `incremental` run in one transaction.
 */
import type { Store } from '../../store/index.ts';
import { evidencePredicate, idAgreementPredicate } from '../cluster/link-evidence-sql.ts';
import { idValuesOf, strongIdColumnsSql } from '../cluster/cluster-step.ts';
import { strongIdRules } from '../cluster/strong-id-guard.ts';
import { weightOf } from '../predict/model-weights.ts';
import type { OnProgress } from '../run-context.ts';
import { quoteIdent } from '../sql/quote.ts';
import { clusterIncremental } from './incremental-clusters.ts';
import { scoreNewRecords } from './incremental-pairs.ts';
import { openModelWorkspace } from './model-workspace.ts';
import { writeIncrementalRun } from './write-incremental.ts';

export interface LinkIncrementalOptions {
  /** Only records of these ingest batches (default: every record without a person). */
  readonly batchIds?: readonly number[];
  /** Only records loaded at or after this ISO time. */
  readonly since?: string;
  readonly threshold?: number;
  readonly onProgress?: OnProgress;
}

export interface LinkIncrementalResult {
  readonly runId: number;
  readonly newRecords: number;
  /** New records attached to existing persons. */
  readonly attached: number;
  readonly createdPersons: number;
  readonly reviewItems: number;
}

async function newRecordIds(store: Store, options: LinkIncrementalOptions): Promise<string[]> {
  const params: unknown[] = [];
  const where = ['pr.source_record_id IS NULL'];
  if (options.batchIds) { params.push(JSON.stringify(options.batchIds)); where.push(`s.batch_id IN (SELECT jsonb_array_elements_text($${params.length}::jsonb)::bigint)`); }
  if (options.since) { params.push(options.since); where.push(`s.loaded_at >= $${params.length}::timestamptz`); }
  const rows = await store.sql.query<{ id: string }>(`SELECT s.id::text AS id FROM source_records AS s
LEFT JOIN person_records AS pr ON pr.source_record_id = s.id WHERE ${where.join(' AND ')} ORDER BY s.id`, params);
  return rows.map((r) => r.id);
}

/** Links the new records of the store against its existing persons. */
export async function linkIncremental(store: Store, options: LinkIncrementalOptions = {}): Promise<LinkIncrementalResult> {
  const ids = await newRecordIds(store, options);
  const ws = await openModelWorkspace(store, options.onProgress);
  try {
    const { connection, model, tables } = ws;
    const threshold = options.threshold ?? ws.threshold;
    await connection.run('CREATE OR REPLACE TABLE new_ids (record_id VARCHAR)');
    const appender = await connection.createAppender('new_ids');
    for (const id of ids) { appender.appendVarchar(id); appender.endRow(); }
    appender.closeSync();
    const newTable = `${tables.records}_new`;
    await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(newTable)} AS SELECT r.* FROM ${quoteIdent(tables.records)} AS r JOIN new_ids USING (record_id)`);
    options.onProgress?.({ step: `scoring ${ids.length} new records`, done: 0, total: 1 });
    const scored = await scoreNewRecords(ws, newTable);
    const people = await store.sql.query<{ r: string; p: string }>(`SELECT pr.source_record_id::text AS r, pr.person_id AS p
FROM person_records AS pr JOIN persons AS p ON p.id = pr.person_id WHERE p.status = 'active'`);
    const personById = new Map(people.map((row) => [row.r, row.p]));
    const reader = await connection.runAndReadAll(`SELECT __rid, record_id${strongIdColumnsSql(model.spec).map((c) => `, ${c}`).join('')} FROM ${quoteIdent(tables.records)}`);
    const ridOf = new Map<string, number>();
    const recordOf: string[] = [];
    const personOfRecord = new Map<number, string>();
    const strongIds = new Map<number, Array<string[] | undefined>>();
    for (const row of reader.getRowsJS()) {
      const [rid, recordId] = [Number(row[0]), String(row[1])];
      ridOf.set(recordId, rid);
      recordOf[rid] = recordId;
      const person = personById.get(recordId);
      if (person !== undefined) personOfRecord.set(rid, person);
      const values = idValuesOf(row.slice(2));
      if (values) strongIds.set(rid, values);
    }
    const edgesReader = await connection.runAndReadAll(`SELECT __rid_l, __rid_r, match_weight, ${idAgreementPredicate(model)} AS ids FROM ${quoteIdent(scored)}
WHERE match_weight >= $w AND ${evidencePredicate(model)} ORDER BY match_weight DESC, __rid_l, __rid_r`, { w: weightOf(threshold) });
    const [l, r, w, agrees] = edgesReader.getColumnsJS() as [number[], number[], number[], boolean[]];
    const { assignment, personOfCluster } = clusterIncremental({
      recordCount: recordOf.length - 1, edges: { left: Int32Array.from(l), right: Int32Array.from(r), weight: Float64Array.from(w), idAgrees: Uint8Array.from(agrees, (x) => (x ? 1 : 0)) },
      strongIds, strongIdRules: strongIdRules(model.spec),
      personOfRecord, splitGap: model.spec.clustering.split_gap, uncertainWeight: weightOf(model.spec.thresholds.review_ceiling),
    });
    const write = await writeIncrementalRun(store, ws, {
      threshold, scored, newRids: ids.map((id) => ridOf.get(id)!), recordOf, assignment, personOfCluster,
    });
    return { runId: write.runId, newRecords: ids.length, attached: write.attached, createdPersons: write.created, reviewItems: write.reviewItems };
  } finally {
    ws.close();
  }
}
