/**
 * Links the whole store: exports `source_records` (subjects and contacts) into an in-process
 * DuckDB, with the recorded relationships (a parent is not their child, nor born after them; a
 * contact without an address takes the household's), links them across and within datasets
 * (`link_and_dedupe`) with the default spec for the roles present, and writes the run back in one
 * transaction (see write-run.ts).
 */
import { availableParallelism } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Store } from '../../store/index.ts';
import { type LinkResult, linkRecords } from '../link-records.ts';
import type { OnProgress } from '../run-context.ts';
import { defaultSpec } from '../spec/default-spec.ts';
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import type { PersonMapping } from './person-mapping.ts';
import { reviewConstraints } from './review-decisions.ts';
import { readRecordClusters, readReviewPairs, readScoredPairs } from './run-results.ts';
import { exportStoreRecords } from './store-input.ts';
import { fillHouseholdAddress, readStoreBornBefore, readStoreRelations } from './store-relations.ts';
import { writeFullRun } from './write-run.ts';

export interface LinkStoreOptions {
  /** A spec to use instead of the default for the roles present (its link type is forced to `link_and_dedupe`). */
  readonly spec?: LinkageSpec;
  readonly threshold?: number;
  readonly seed?: number;
  readonly onProgress?: OnProgress;
  /** DuckDB threads (default: the machine's parallelism). */
  readonly threads?: number;
}

export interface LinkStoreResult {
  readonly runId: number;
  readonly result: LinkResult;
  readonly persons: { readonly total: number; readonly created: number; readonly merged: number; readonly retired: number; readonly splits: number };
  readonly reviewItems: number;
  /** Seconds per stage, including reading and writing the store. */
  readonly timings: Record<string, number>;
}

const summarise = (mapping: PersonMapping) => ({
  total: new Set(mapping.personOf.values()).size, created: mapping.created.length, merged: mapping.merged.size,
  retired: mapping.retired.length, splits: mapping.changes.filter((c) => c.kind === 'split').length,
});

/** Runs a full linkage of the store's source records and records it as a new run. */
export async function linkStore(store: Store, options: LinkStoreOptions = {}): Promise<LinkStoreResult> {
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => { const now = performance.now(); timings[name] = (now - clock) / 1000; clock = now; };
  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? availableParallelism()) });
  const connection = await instance.connect();
  try {
    const input = await exportStoreRecords(store.sql, connection, { onProgress: options.onProgress });
    const constraints = await reviewConstraints(store.sql);
    const relations = await readStoreRelations(store.sql);
    const bornBefore = await readStoreBornBefore(store.sql);
    await fillHouseholdAddress(connection, input.table, relations);
    lap('read store');
    const spec = options.spec ? { ...options.spec, link_type: 'link_and_dedupe' as const } : defaultSpec('link_and_dedupe', input.columns);
    const result = await linkRecords({
      connection, table: input.table, spec, seed: options.seed ?? 1, mustLink: constraints.mustLink, cannotLink: constraints.cannotLink, relations, bornBefore,
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    Object.assign(timings, result.timings);
    clock = performance.now();
    const data = { clusters: await readRecordClusters(connection, result), pairs: await readScoredPairs(connection, result), review: await readReviewPairs(connection, result) };
    options.onProgress?.({ step: 'writing the run to the store', done: 0, total: 1 });
    const metrics = { counts: result.counts, timings: result.timings, warnings: result.warnings, reviewItems: data.review.left.length };
    const { runId, mapping } = await writeFullRun(store, {
      kind: 'full', spec: result.model.spec, specHash: result.specHash, model: result.model, threshold: result.threshold, metrics,
    }, data);
    lap('write store');
    return { runId, result, persons: summarise(mapping), reviewItems: data.review.left.length, timings };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
