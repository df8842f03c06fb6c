/**
 * Writes one linkage run back to the store in one transaction (a crash leaves the previous run
 * intact): the `link_runs` row, persons mapped onto the previous ones (stable ids), every
 * record's person, the scored pairs, review items (analysts' decisions kept) and person changes.
 */
import { createHash } from 'node:crypto';
import type { SqlClient, Store } from '../../store/index.ts';
import { insertLinks, type ScoredLinks } from './insert-links.ts';
import { insertRows } from './insert-rows.ts';
import { mapPersons, type PersonMapping } from './person-mapping.ts';
import type { RecordClusters, ScoredPairs } from './run-results.ts';

export interface RunRow {
  readonly kind: 'full' | 'incremental';
  readonly spec: unknown;
  readonly specHash: string;
  readonly model: unknown;
  readonly threshold: number;
  readonly metrics: Record<string, unknown>;
}

export interface RunWrite {
  readonly clusters: RecordClusters;
  /** The links: with comparison vectors (levels), or with a ready `detail` JSON per link (other linkers, e.g. the PPRL hub's `{ dice }`). */
  readonly pairs: ScoredLinks | ScoredPairs;
  readonly review: ScoredPairs;
}

/** A new person id: deterministic from the run and the cluster, unlike any earlier one. */
export const newPersonId = (runId: number, cluster: number): string =>
  `P-${createHash('sha256').update(`${runId}:${cluster}`).digest('hex').slice(0, 12).toUpperCase()}`;

/** The previous run's persons: each record's person, and every active person. */
export async function readPreviousPersons(sql: SqlClient): Promise<{ previous: Map<number, string>; active: string[] }> {
  const rows = await sql.query<{ r: string; p: string }>(`SELECT pr.source_record_id::text AS r, pr.person_id AS p
FROM person_records AS pr JOIN persons AS p ON p.id = pr.person_id WHERE p.status = 'active'`);
  const active = await sql.query<{ id: string }>(`SELECT id FROM persons WHERE status = 'active' ORDER BY id`);
  return { previous: new Map(rows.map((row) => [Number(row.r), row.p])), active: active.map((a) => a.id) };
}

const PAIR_COLUMNS = [['record_l', 'bigint'], ['record_r', 'bigint'], ['match_weight', 'float8'], ['match_probability', 'float8']] as const;

async function writePersons(tx: SqlClient, runId: number, mapping: PersonMapping): Promise<void> {
  await insertRows(tx, 'persons', [['id', 'text'], ['created_run_id', 'bigint']], mapping.created.length, (i) => [mapping.created[i], runId]);
  const merged = [...mapping.merged];
  await tx.query(`UPDATE persons AS p SET status = 'merged', merged_into = x.target FROM jsonb_to_recordset($1::jsonb) AS x(id text, target text) WHERE p.id = x.id`,
    [JSON.stringify(merged.map(([id, into]) => ({ id, target: into })))]);
  await tx.query(`UPDATE persons SET status = 'retired' WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(mapping.retired)]);
  const changes = mapping.changes;
  await insertRows(tx, 'person_changes', [['run_id', 'bigint'], ['kind', 'text'], ['from_persons', 'jsonb'], ['to_persons', 'jsonb'], ['records', 'int']],
    changes.length, (i) => [runId, changes[i]!.kind, changes[i]!.fromPersons, changes[i]!.toPersons, changes[i]!.records]);
}

/** Writes a full run; returns the run id and the person mapping. */
export async function writeFullRun(store: Store, run: RunRow, data: RunWrite): Promise<{ runId: number; mapping: PersonMapping }> {
  const before = await readPreviousPersons(store.sql);
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(`INSERT INTO link_runs (kind, spec, spec_hash, model, threshold, metrics, finished_at)
VALUES ($1, $2::jsonb, $3, $4::jsonb, $5, $6::jsonb, now()) RETURNING id::text AS id`,
    [run.kind, JSON.stringify(run.spec), run.specHash, JSON.stringify(run.model), run.threshold, JSON.stringify(run.metrics)]);
    const runId = Number(row!.id);
    const { clusters: c, pairs, review } = data;
    const mapping = mapPersons({ records: c.records, clusters: c.clusters, previous: before.previous, activePersons: before.active, newId: (cluster) => newPersonId(runId, cluster) });
    await writePersons(tx, runId, mapping);
    await tx.query('DELETE FROM person_records');
    await insertRows(tx, 'person_records', [['source_record_id', 'bigint'], ['person_id', 'text'], ['match_probability', 'float8'], ['run_id', 'bigint']],
      c.records.length, (i) => [c.records[i], mapping.personOf.get(c.clusters[i]!), c.probabilities[i], runId]);
    await tx.query('DELETE FROM record_links');
    if ('comparisons' in pairs) await insertLinks(tx, runId, pairs);
    else {
      await insertRows(tx, 'record_links', [['run_id', 'bigint'], ...PAIR_COLUMNS, ['comparison', 'jsonb']], pairs.left.length,
        (i) => [runId, pairs.left[i], pairs.right[i], pairs.weight[i], pairs.probability[i], pairs.detail[i]]);
    }
    await insertRows(tx, 'review_items', [['run_id', 'bigint'], ...PAIR_COLUMNS], review.left.length,
      (i) => [runId, review.left[i], review.right[i], review.weight[i], review.probability[i]],
      { suffix: `ON CONFLICT (record_l, record_r) DO UPDATE SET run_id = excluded.run_id, match_weight = excluded.match_weight,
  match_probability = excluded.match_probability WHERE review_items.status = 'open'` });
    await tx.query(`DELETE FROM review_items WHERE status = 'open' AND run_id <> $1`, [runId]);
    return { runId, mapping };
  });
}
