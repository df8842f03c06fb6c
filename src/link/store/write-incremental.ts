/**
 * Writes an incremental run in one transaction: the `link_runs` row (the reused model), new
 * records' persons (attached or new), their scored pairs and review items.
 */
import type { Store } from '../../store/index.ts';
import type { Assignment } from '../cluster/assign-clusters.ts';
import { gammaColumn } from '../predict/comparison-vector-sql.ts';
import { probabilityOf, weightOf } from '../predict/model-weights.ts';
import { quoteIdent } from '../sql/quote.ts';
import { specHash } from '../spec/spec-io.ts';
import { insertRows } from './insert-rows.ts';
import type { ModelWorkspace } from './model-workspace.ts';
import { newPersonId } from './write-run.ts';

export interface IncrementalWrite {
  readonly threshold: number;
  readonly scored: string;
  readonly newRids: readonly number[];
  /** Source record id by `__rid`. */
  readonly recordOf: readonly string[];
  readonly assignment: Assignment;
  readonly personOfCluster: ReadonlyMap<number, string>;
}

const PAIR_COLUMNS = [['record_l', 'bigint'], ['record_r', 'bigint'], ['match_weight', 'float8'], ['match_probability', 'float8']] as const;

/** Records the run; returns its id and what it did. */
export async function writeIncrementalRun(store: Store, ws: ModelWorkspace, w: IncrementalWrite): Promise<{ runId: number; attached: number; created: number; reviewItems: number }> {
  const { spec } = ws.model;
  const gammas = spec.comparisons.map((c) => `${quoteIdent(c.name)} := ${quoteIdent(gammaColumn(c))}`).join(', ');
  const reader = await ws.connection.runAndReadAll(`SELECT __rid_l, __rid_r, match_weight, to_json(struct_pack(${gammas}))::VARCHAR FROM ${quoteIdent(w.scored)} ORDER BY 1, 2`);
  const [left, right, weight, detail] = reader.getColumnsJS() as [number[], number[], number[], string[]];
  const cluster = w.assignment.cluster;
  const best = new Map<number, number>();
  left.forEach((l, i) => {
    const r = right[i]!;
    if (cluster[l] !== cluster[r]) return;
    for (const rid of [l, r]) best.set(rid, Math.max(best.get(rid) ?? -Infinity, weight[i]!));
  });
  const [floor, ceiling] = [weightOf(spec.thresholds.review_floor), weightOf(spec.thresholds.review_ceiling)];
  const review = left.map((_, i) => i).filter((i) => weight[i]! >= floor && weight[i]! < ceiling)
    .map((i) => [left[i]!, right[i]!, weight[i]!] as const);
  for (const link of [...w.assignment.refused, ...w.assignment.cut]) review.push([Math.min(link.left, link.right), Math.max(link.left, link.right), link.weight]);
  const src = (rid: number) => Number(w.recordOf[rid]);
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(`INSERT INTO link_runs (kind, spec, spec_hash, model, threshold, metrics, finished_at)
VALUES ('incremental', $1::jsonb, $2, $3::jsonb, $4, $5::jsonb, now()) RETURNING id::text AS id`,
    [JSON.stringify(spec), specHash(spec), JSON.stringify(ws.model), w.threshold, JSON.stringify({ newRecords: w.newRids.length, scoredPairs: left.length, modelRunId: ws.runId })]);
    const runId = Number(row!.id);
    const personOf = new Map(w.personOfCluster);
    const createdOf = new Map<number, { id: string; records: number }>();
    let attached = 0;
    for (const rid of w.newRids) {
      const c = cluster[rid]!;
      if (w.personOfCluster.has(c)) { attached++; continue; }
      const person = createdOf.get(c);
      if (person) { person.records++; continue; }
      createdOf.set(c, { id: newPersonId(runId, c), records: 1 });
      personOf.set(c, createdOf.get(c)!.id);
    }
    const created = [...createdOf.values()];
    await insertRows(tx, 'persons', [['id', 'text'], ['created_run_id', 'bigint']], created.length, (i) => [created[i]!.id, runId]);
    await insertRows(tx, 'person_changes', [['run_id', 'bigint'], ['kind', 'text'], ['from_persons', 'jsonb'], ['to_persons', 'jsonb'], ['records', 'int']],
      created.length, (i) => [runId, 'created', [], [created[i]!.id], created[i]!.records]);
    const rids = w.newRids;
    await insertRows(tx, 'person_records', [['source_record_id', 'bigint'], ['person_id', 'text'], ['match_probability', 'float8'], ['run_id', 'bigint']],
      rids.length, (i) => { const b = best.get(rids[i]!); return [src(rids[i]!), personOf.get(cluster[rids[i]!]!), b === undefined ? null : probabilityOf(b), runId]; });
    const pair = (l: number, r: number) => [Math.min(src(l), src(r)), Math.max(src(l), src(r))];
    await insertRows(tx, 'record_links', [['run_id', 'bigint'], ...PAIR_COLUMNS, ['comparison', 'jsonb']], left.length,
      (i) => [runId, ...pair(left[i]!, right[i]!), weight[i], probabilityOf(weight[i]!), JSON.parse(detail[i]!)], { suffix: 'ON CONFLICT DO NOTHING' });
    await insertRows(tx, 'review_items', [['run_id', 'bigint'], ...PAIR_COLUMNS], review.length,
      (i) => [runId, ...pair(review[i]![0], review[i]![1]), review[i]![2], probabilityOf(review[i]![2])],
      { suffix: 'ON CONFLICT (record_l, record_r) DO NOTHING' });
    return { runId, attached, created: created.length, reviewItems: review.length };
  });
}
