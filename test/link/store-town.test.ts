/**
 * The store journey on a small synthetic town: load every agency's extract, link the store,
 * measure against the truth, re-run (ids stable), and honour clerical decisions (a split and a
 * merge recorded in person_changes). On PGlite always, and on PostgreSQL when configured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTown } from '../../src/ingest/index.ts';
import { evaluateStore, explainStoredPair, linkStore } from '../../src/link/index.ts';
import type { Store } from '../../src/store/index.ts';
import { generateTown } from '../../src/synth/index.ts';
import { storeTargets } from '../support/stores.ts';

const dir = mkdtempSync(join(tmpdir(), 'link-town-'));
beforeAll(() => { generateTown({ people: 250, seed: 7, out: dir }); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const personsOf = async (store: Store) => new Map((await store.sql.query<{ r: string; p: string }>(
  'SELECT source_record_id::text AS r, person_id AS p FROM person_records')).map((row) => [row.r, row.p]));

describe.each(storeTargets)('linking the store on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await loadTown(store, dir);
  }, 300_000);
  afterAll(async () => { await store?.close(); });

  it('links subjects and contacts across agencies to the true persons, children never mixed', async () => {
    const run = await linkStore(store, { seed: 1 });
    const evaluation = await evaluateStore(store, join(dir, 'truth', 'records.csv'));
    expect(evaluation.unmatchedRecords).toBe(0);
    expect(evaluation.all.pairwise.f1).toBeGreaterThanOrEqual(0.97);
    expect(evaluation.mixedWithChild).toBe(0);
    const [row] = await store.sql.query<{ persons: number; runs: number }>(
      `SELECT (SELECT count(DISTINCT person_id)::int FROM person_records) AS persons, (SELECT count(*)::int FROM link_runs) AS runs`);
    expect(row).toEqual({ persons: run.persons.total, runs: 1 });
    const [related] = await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM relationships AS r
JOIN person_records AS a ON a.source_record_id = r.from_record_id JOIN person_records AS b ON b.source_record_id = r.to_record_id
WHERE a.person_id = b.person_id`);
    expect(related!.n).toBe(0);
    const perPersonPair = await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM review_items AS ri
JOIN person_records AS a ON a.source_record_id = ri.record_l JOIN person_records AS b ON b.source_record_id = ri.record_r
GROUP BY least(a.person_id, b.person_id), greatest(a.person_id, b.person_id)`);
    expect(perPersonPair.every((p) => p.n === 1)).toBe(true);
    expect(perPersonPair).toHaveLength(run.reviewItems);
    // Below the review floor, only pairs of records with relations are kept (relation context may join them).
    const [below] = await store.sql.query<{ n: number; unrelated: number }>(`SELECT count(*)::int AS n,
  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM relationships r WHERE l.record_l IN (r.from_record_id, r.to_record_id))
    OR NOT EXISTS (SELECT 1 FROM relationships r WHERE l.record_r IN (r.from_record_id, r.to_record_id)))::int AS unrelated
FROM record_links AS l WHERE l.match_probability < 0.5`);
    expect(below!.n).toBeGreaterThan(0);
    expect(below!.unrelated).toBe(0);
  }, 300_000);

  it('explains a stored link with the run\'s saved model: the waterfall adds up to the stored weight', async () => {
    const links = await store.sql.query<{ l: string; r: string; w: number }>(`SELECT record_l::text AS l, record_r::text AS r, match_weight AS w
FROM record_links ORDER BY md5(record_l::text || ':' || record_r::text) LIMIT 20`);
    expect(links).toHaveLength(20);
    for (const link of links) {
      const explained = await explainStoredPair(store, link.r, link.l);
      expect(explained).toBeDefined();
      expect(explained!.recordL).toBe(Number(link.l));
      expect(explained!.steps[0]!.column).toBe('prior');
      expect(explained!.steps.at(-1)!.cumulative).toBeCloseTo(Number(link.w), 6);
      expect(explained!.chart.data.values).toHaveLength(explained!.steps.length);
    }
    expect(await explainStoredPair(store, 1, 1)).toBeUndefined();
  }, 60_000);

  it('keeps every person id across an identical re-run', async () => {
    const before = await personsOf(store);
    const run = await linkStore(store, { seed: 1 });
    expect(await personsOf(store)).toEqual(before);
    expect(run.persons).toMatchObject({ created: 0, merged: 0, splits: 0 });
  }, 300_000);

  it('honours a clerical non-match (a split) and then a match (a merge), recording both', async () => {
    const [pair] = await store.sql.query<{ l: string; r: string }>(`SELECT a.source_record_id::text AS l, b.source_record_id::text AS r
FROM person_records AS a JOIN person_records AS b ON a.person_id = b.person_id AND a.source_record_id < b.source_record_id
WHERE (SELECT count(*) FROM person_records AS c WHERE c.person_id = a.person_id) = 2 ORDER BY 1 LIMIT 1`);
    const decide = (status: string) => store.sql.query(`INSERT INTO review_items (record_l, record_r, run_id, match_weight, match_probability, status)
VALUES ($1, $2, (SELECT max(id) FROM link_runs), 0, 0.5, $3) ON CONFLICT (record_l, record_r) DO UPDATE SET status = excluded.status`, [pair!.l, pair!.r, status]);
    await decide('non_match');
    const split = await linkStore(store, { seed: 1 });
    let persons = await personsOf(store);
    expect(persons.get(pair!.l)).not.toBe(persons.get(pair!.r));
    const changes = (runId: number) => store.sql.query<{ kind: string }>('SELECT kind FROM person_changes WHERE run_id = $1', [runId]);
    expect((await changes(split.runId)).map((c) => c.kind)).toContain('split');
    await decide('match');
    const merge = await linkStore(store, { seed: 1 });
    persons = await personsOf(store);
    expect(persons.get(pair!.l)).toBe(persons.get(pair!.r));
    expect((await changes(merge.runId)).map((c) => c.kind)).toContain('merged');
    const [merged] = await store.sql.query<{ status: string; merged_into: string }>(
      `SELECT status, merged_into FROM persons WHERE status = 'merged' ORDER BY id LIMIT 1`);
    expect(merged?.merged_into).toBe(persons.get(pair!.l));
  }, 300_000);
});
