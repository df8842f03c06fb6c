/**
 * Hub-only mode on a small synthetic town, end to end: three agencies encode their identifiers on
 * their own premises and send events without any identifier; the hub loads both, links the
 * encodings into persons, derives risk factors — and at no point holds a name, a full date of
 * birth, an address, a postcode or an id number.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { evaluateFactors, loadFactorConfig } from '../../src/indicators/index.ts';
import { loadTown } from '../../src/ingest/index.ts';
import { evaluateStore } from '../../src/link/index.ts';
import { randomBytes } from 'node:crypto';
import { isSealed } from '../../src/governance/special-category/index.ts';
import {
  answerReidentification, CLEAR_IDENTIFIER_COLUMNS, FOREIGN_EXTRA_IDS_SQL, linkHub, loadHubEncodings, openAnswer, pendingForAgency,
  refuseReidentification, requestReidentification, requestsForPerson,
} from '../../src/pprl/hub/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { generateTown } from '../../src/synth/index.ts';
import { storeTargets } from '../support/stores.ts';
import { loadHubEvents, prepareHubExtract, type HubExtract } from './hub-town.ts';
import type { Mapping } from '../../src/ingest/index.ts';

const EXTRACT_DATE = '2026-03-31';
const DATASETS = ['school-census', 'careers', 'probation'];
const dir = mkdtempSync(join(tmpdir(), 'pprl-hub-'));
const secret = new TextEncoder().encode('the partnership secret, shared by the agencies and never by the hub');
let extracts: Array<HubExtract & { mapping: Mapping }> = [];

beforeAll(async () => {
  generateTown({ people: 250, seed: 7, out: dir, extractDate: EXTRACT_DATE });
  const manifest = JSON.parse(readFileSync(join(dir, 'truth', 'manifest.json'), 'utf8')) as { datasets: Array<{ id: string; file: string }> };
  mkdirSync(join(dir, 'hub'));
  extracts = [];
  for (const id of DATASETS) {
    extracts.push(await prepareHubExtract(dir, join(dir, 'hub'), id, manifest.datasets.find((d) => d.id === id)!.file, secret));
  }
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(storeTargets)('hub-only mode on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await loadTown(store, dir, { datasets: [], loadDate: EXTRACT_DATE });
  }, 120_000);
  afterAll(async () => store?.close());

  it('loads each agency’s events without identifiers and attaches its encodings; a file is loaded once', async () => {
    for (const extract of extracts) {
      await loadHubEvents(store, extract, EXTRACT_DATE);
      const loaded = await loadHubEncodings(store, extract.datasetId, extract.clkPath);
      expect(loaded.status).toBe('loaded');
      expect(loaded.attached).toBeGreaterThan(0);
      expect(loaded.withoutEncoding).toBe(0);
    }
    const again = await loadHubEncodings(store, 'careers', extracts[1]!.clkPath);
    expect(again).toMatchObject({ status: 'already-loaded', attached: 0, created: 0 });
  }, 120_000);

  it('refuses a dataset whose mapping names identifiers', async () => {
    await store.sql.query(`UPDATE datasets SET mapping = jsonb_set(mapping, '{record,identifiers}', '{"given_name":"Forename"}') WHERE id = 'careers'`);
    await expect(loadHubEncodings(store, 'careers', extracts[1]!.clkPath)).rejects.toMatchObject({ code: 'TRB_PPRL_HUB_IDENTIFIERS' });
    await store.sql.query(`UPDATE datasets SET mapping = jsonb_set(mapping, '{record,identifiers}', '{}') WHERE id = 'careers'`);
  });

  it('links the encodings into persons as the clear-text run would, close to the truth', async () => {
    const run = await linkHub(store);
    expect(run.unencoded).toBe(0);
    expect(run.persons).toBeLessThan(run.records);
    const evaluation = await evaluateStore(store, join(dir, 'truth', 'records.csv'));
    expect(evaluation.unmatchedRecords).toBe(0);
    expect(evaluation.all.pairwise.f1).toBeGreaterThanOrEqual(0.9);
    const [counts] = await store.sql.query<{ persons: number; records: number; runs: number }>(`SELECT
      (SELECT count(DISTINCT person_id)::int FROM person_records) AS persons, (SELECT count(*)::int FROM person_records) AS records,
      (SELECT count(*)::int FROM link_runs) AS runs`);
    expect(counts).toEqual({ persons: run.persons, records: run.records, runs: 1 });
    const rerun = await linkHub(store);
    expect(rerun).toMatchObject({ created: 0, merged: 0, persons: run.persons });
  }, 300_000);

  it('derives risk factors for persons known only by their encodings', async () => {
    const factors = await evaluateFactors(store, { asOf: EXTRACT_DATE, config: loadFactorConfig() });
    expect(factors.cohort).toBeGreaterThan(20);
    expect(factors.factors.reduce((n, f) => n + f.persons, 0)).toBeGreaterThan(0);
    const [row] = await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM factor_instances');
    expect(row!.n).toBeGreaterThan(0);
  }, 300_000);

  it('holds no identifier anywhere: identifier columns empty, only a coarse year of birth, no identifying value in any row', async () => {
    const [empty] = await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM source_records
      WHERE ${CLEAR_IDENTIFIER_COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')} OR ${FOREIGN_EXTRA_IDS_SQL}`);
    expect(empty!.n).toBe(0);
    const dobs = await store.sql.query<{ d: string }>(`SELECT DISTINCT to_char(dob, 'MM-DD') AS d FROM source_records WHERE dob IS NOT NULL`);
    expect(dobs.map((r) => r.d)).toEqual(['07-01']);
    const text = (await store.sql.query<{ t: string }>(`SELECT coalesce(string_agg(t, ' '), '') AS t FROM (
      SELECT raw::text || coalesce(attributes::text, '') AS t FROM source_records
      UNION ALL SELECT coalesce(value, '') || coalesce(detail::text, '') FROM events) x`))[0]!.t;
    const values = extracts.flatMap((e) => e.identifierValues);
    expect(values.length).toBeGreaterThan(500);
    const found = values.filter((v) => text.includes(v));
    expect(found).toEqual([]);
  });

  it('re-identifies one person only when their agency answers a practitioner’s request, sealed and audited at each step', async () => {
    const key = randomBytes(32);
    const [target] = await store.sql.query<{ person_id: string; local_id: string; agency_id: string }>(`SELECT pr.person_id, sr.local_id, sr.agency_id
      FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id WHERE sr.dataset_id = 'school-census'
      ORDER BY pr.person_id, sr.id LIMIT 1`);
    const practitioner = { username: 'practitioner-ann', role: 'practitioner' };
    const schoolUploader = { username: 'school-uploader', role: 'uploader', agencyId: target!.agency_id };
    const otherUploader = { username: 'careers-uploader', role: 'uploader', agencyId: 'careers' };
    const request = await requestReidentification(store, practitioner, target!.person_id, {
      agencyId: target!.agency_id, purpose: 'safeguarding', reason: 'A safeguarding referral names this young person; we must contact the family today.',
    });
    expect(request).toMatchObject({ status: 'pending', purpose: 'safeguarding' });
    const own = await store.sql.query<{ local_id: string }>(`SELECT sr.local_id FROM person_records pr
      JOIN source_records sr ON sr.id = pr.source_record_id WHERE pr.person_id = $1 AND sr.agency_id = $2`, [target!.person_id, target!.agency_id]);
    expect(own.map((r) => r.local_id)).toContain(request.localId);
    await expect(requestReidentification(store, practitioner, target!.person_id, { agencyId: 'police', purpose: 'early_help', reason: 'x'.repeat(30) }))
      .rejects.toMatchObject({ code: 'TRB_REID_NO_RECORD' });
    expect((await pendingForAgency(store, target!.agency_id)).map((r) => r.id)).toEqual([request.id]);
    expect(await pendingForAgency(store, 'careers')).toEqual([]);
    const answer = { givenName: 'Jamie', familyName: 'Smithson-Hub', dob: '2012-04-05', note: 'known at Riverside' };
    await expect(answerReidentification(store, key, otherUploader, request.id, answer)).rejects.toMatchObject({ code: 'TRB_REID_NOT_YOURS' });
    await answerReidentification(store, key, schoolUploader, request.id, answer);
    await expect(refuseReidentification(store, schoolUploader, request.id, 'too late to refuse')).rejects.toMatchObject({ code: 'TRB_REID_CLOSED' });
    const [stored] = await store.sql.query<{ answer_sealed: string }>('SELECT answer_sealed FROM reidentification_requests WHERE id = $1', [request.id]);
    expect(isSealed(stored!.answer_sealed)).toBe(true);
    expect(stored!.answer_sealed).not.toContain('Smithson');
    expect(await openAnswer(store, key, { username: 'someone-else', role: 'practitioner' }, request.id)).toBeNull();
    expect(await openAnswer(store, key, practitioner, request.id)).toEqual({ localId: request.localId, ...answer });

    const second = await requestReidentification(store, practitioner, target!.person_id, {
      agencyId: target!.agency_id, purpose: 'early_help', reason: 'To offer the family an early help assessment in person.',
    });
    await refuseReidentification(store, schoolUploader, second.id, 'Consent to contact was refused; the school will pass on the offer.');
    expect((await requestsForPerson(store, target!.person_id)).map((r) => [r.status, r.refusal?.slice(0, 7) ?? null]))
      .toEqual([['refused', 'Consent'], ['answered', null]]);
    const audit = await store.sql.query<{ action: string; actor: string; purpose: string }>(
      `SELECT action, actor, purpose FROM audit_log WHERE action LIKE 'reidentification.%' ORDER BY seq`);
    expect(audit).toEqual([
      { action: 'reidentification.requested', actor: 'practitioner-ann', purpose: 'safeguarding' },
      { action: 'reidentification.answered', actor: 'school-uploader', purpose: 'safeguarding' },
      { action: 'reidentification.viewed', actor: 'practitioner-ann', purpose: 'safeguarding' },
      { action: 'reidentification.requested', actor: 'practitioner-ann', purpose: 'early_help' },
      { action: 'reidentification.refused', actor: 'school-uploader', purpose: 'early_help' },
    ]);
    expect(JSON.stringify(await store.sql.query('SELECT details FROM audit_log'))).not.toContain('Smithson');
  });
});

describe('tributary pprl load and link-store', () => {
  const dataDir = join(dir, 'cli-store');
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { lines.push(parts.join(' ')); });
    try {
      await buildProgram().exitOverride().parseAsync(['node', 'tributary', ...args, '--data-dir', dataDir]);
    } finally {
      log.mockRestore();
    }
    return lines.join('\n');
  };

  it('attaches two agencies’ encodings and links them into persons from the command line', async () => {
    const store = await openStore({ dataDir });
    try {
      await loadTown(store, dir, { datasets: [], loadDate: EXTRACT_DATE });
      for (const extract of extracts.slice(0, 2)) await loadHubEvents(store, extract, EXTRACT_DATE);
    } finally {
      await store.close();
    }
    expect(await run('pprl', 'load', extracts[0]!.clkPath, '--dataset', 'school-census')).toMatch(/^school-census: \d+ records now carry an encoding, 0 created/);
    expect(await run('pprl', 'load', extracts[0]!.clkPath, '--dataset', 'school-census')).toMatch(/was already loaded/);
    await run('pprl', 'load', extracts[1]!.clkPath, '--dataset', 'careers');
    expect(await run('pprl', 'link-store')).toMatch(/^run 1: \d+ records → \d+ persons \(\d+ new, 0 merged\)/);
    const after = await openStore({ dataDir, migrate: false });
    try {
      const [row] = await after.sql.query<{ n: number }>('SELECT count(DISTINCT person_id)::int AS n FROM person_records');
      expect(row!.n).toBeGreaterThan(10);
    } finally {
      await after.close();
    }
  }, 300_000);
});
