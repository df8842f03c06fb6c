/**
 * A new extract linked incrementally against the persons of an earlier run (no training), and
 * person search for a typed-in record. On PGlite always, and on PostgreSQL when configured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTown } from '../../src/ingest/index.ts';
import { evaluateStore, linkIncremental, linkStore, searchPersons } from '../../src/link/index.ts';
import type { Store } from '../../src/store/index.ts';
import { generateTown } from '../../src/synth/index.ts';
import { storeTargets } from '../support/stores.ts';

const dir = mkdtempSync(join(tmpdir(), 'link-incremental-'));
const FIRST = ['school-census', 'social-care', 'nhs', 'careers', 'housing'];
beforeAll(() => { generateTown({ people: 200, seed: 11, out: dir }); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(storeTargets)('incremental linking and search on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await loadTown(store, dir, { datasets: FIRST });
    await linkStore(store, { seed: 1 });
  }, 300_000);
  afterAll(async () => { await store?.close(); });

  it('attaches the records of a new extract to the persons already known, without mixing children', async () => {
    const [police] = await loadTown(store, dir, { datasets: ['police', 'probation', 'youth-justice'] });
    const batchId = Number(police!.batchId);
    const result = await linkIncremental(store, { batchIds: [batchId] });
    expect(result.newRecords).toBeGreaterThan(0);
    expect(result.attached).toBeGreaterThan(0);
    const [unlinked] = await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM source_records AS s
WHERE s.batch_id = $1 AND NOT EXISTS (SELECT 1 FROM person_records AS pr WHERE pr.source_record_id = s.id)`, [batchId]);
    expect(unlinked!.n).toBe(0);
    const evaluation = await evaluateStore(store, join(dir, 'truth', 'records.csv'));
    expect(evaluation.mixedWithChild).toBe(0);
    const subset = await store.sql.query<{ p: string; others: string }>(`SELECT pr.person_id AS p,
  (SELECT string_agg(DISTINCT o.person_id, ',') FROM person_records AS o JOIN source_records AS os ON os.id = o.source_record_id
   WHERE os.batch_id <> $1 AND os.dataset_id = 'nhs' AND os.kind = 'subject' AND o.person_id = pr.person_id) AS others
FROM person_records AS pr JOIN source_records AS s ON s.id = pr.source_record_id WHERE s.batch_id = $1`, [batchId]);
    expect(subset.some((row) => row.others === row.p)).toBe(true);
    expect(evaluation.all.pairwise.precision).toBeGreaterThanOrEqual(0.97);
  }, 300_000);

  it('finds the person of a typed-in record, written as a person would type it', async () => {
    const [record] = await store.sql.query<{ id: string; given_name: string; family_name: string; dob: string; person_id: string }>(`SELECT s.id::text AS id, s.given_name, s.family_name, s.dob::text AS dob, pr.person_id
FROM source_records AS s JOIN person_records AS pr ON pr.source_record_id = s.id
WHERE s.dataset_id = 'school-census' AND s.kind = 'subject' AND s.dob IS NOT NULL ORDER BY s.id LIMIT 1`);
    const [y, m, d] = record!.dob.split('-');
    const found = await searchPersons(store, { given_name: record!.given_name.toUpperCase(), family_name: record!.family_name.toUpperCase(), dob: `${d}/${m}/${y}` }, { limit: 3 });
    expect(found[0]?.personId).toBe(record!.person_id);
    expect(found[0]!.matchProbability).toBeGreaterThan(0.9);
    expect(found.length).toBeLessThanOrEqual(3);
  }, 300_000);
});
