/**
 * Model versions in the store, on both engines: a fit registered as a draft; approval refused to any
 * role but the governance lead, without a justification, or with a fairness flag unanswered (each
 * refusal audited); approval retiring the version approved before; retirement with a reason; and
 * scoring refused to a draft or retired version.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveVersion, fairnessFlags, listVersions, loadVersion, ModelVersionError, registerDraftVersion, retireVersion, scorePersons,
} from '../../src/score/index.ts';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { fitVersionFixture, fixtureFeatures } from './support/version-fixture.ts';

const lead = { username: 'ig-lead', role: 'ig_lead' };
const analyst = { username: 'analyst', role: 'analyst' };

let modelDir: string;
beforeAll(async () => { modelDir = await fitVersionFixture(await mkdtemp(join(tmpdir(), 'versions-'))); }, 120_000);

async function refusal(work: Promise<unknown>): Promise<ModelVersionError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelVersionError);
  return error as ModelVersionError;
}

describe.each(storeTargets)('model versions on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await store.sql.exec(`INSERT INTO persons (id) VALUES ('P-1'), ('P-2')`);
  });
  afterAll(async () => { await store?.close(); });

  const auditActions = async (subject: string) =>
    (await store.sql.query<{ action: string; actor: string }>('SELECT action, actor FROM audit_log WHERE subject_ref = $1 ORDER BY seq', [subject]));
  const columns = () => new Map(fixtureFeatures().map((name) => [name, Float64Array.from([name === 'age' ? 15 : 1, name === 'age' ? 11 : 0])]));

  it('registers a fit as a draft with its fingerprint, features, documents and card, and lists it', async () => {
    const id = await registerDraftVersion(store, { modelDir, actor: analyst, id: 'mv-first' });
    const version = await loadVersion(store.sql, id);
    expect(version.status).toBe('draft');
    expect(version.trainingFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(version.features).toEqual(fixtureFeatures());
    expect(version.evaluation.model.auc!.auc).toBeGreaterThan(0.6);
    expect(version.card).toMatch(/additive model/);
    expect(fairnessFlags(version.fairness).length).toBeGreaterThan(0);
    expect((await listVersions(store.sql)).map((v) => [v.id, v.status])).toEqual([['mv-first', 'draft']]);
    expect(await auditActions(id)).toEqual([{ action: 'model.registered', actor: 'analyst' }]);
  });

  it('refuses to score with a draft, and audits the refusal', async () => {
    const error = await refusal(scorePersons(store, { versionId: 'mv-first', asOf: '2026-03-31', personIds: ['P-1', 'P-2'], features: columns(), actor: 'test' }));
    expect(error.code).toBe('MODEL_NOT_APPROVED');
    expect(error.message).toMatch(/mv-first is draft: only an approved version may score people/);
    expect((await auditActions('mv-first')).at(-1)).toEqual({ action: 'model.scoring_refused', actor: 'test' });
  });

  it('refuses approval to anyone but the governance lead, and audits it', async () => {
    const flags = fairnessFlags((await loadVersion(store.sql, 'mv-first')).fairness);
    const responses = Object.fromEntries(flags.map((f) => [f.key, 'Reviewed']));
    for (const actor of [analyst, { username: 'practitioner', role: 'practitioner' }]) {
      const error = await refusal(approveVersion(store, { versionId: 'mv-first', actor, justification: 'Looks fine', responses }));
      expect(error.code).toBe('MODEL_APPROVAL_ROLE');
      expect(error.status).toBe(403);
    }
    expect((await auditActions('mv-first')).slice(-2).map((a) => [a.action, a.actor])).toEqual([
      ['model.approval_refused', 'analyst'], ['model.approval_refused', 'practitioner'],
    ]);
    expect((await loadVersion(store.sql, 'mv-first')).status).toBe('draft');
  });

  it('refuses the governance lead without a justification or with a flag unanswered, naming every missing one', async () => {
    const flags = fairnessFlags((await loadVersion(store.sql, 'mv-first')).fairness);
    const noJustification = await refusal(approveVersion(store, { versionId: 'mv-first', actor: lead, justification: '  ', responses: {} }));
    expect(noJustification.code).toBe('MODEL_JUSTIFICATION_REQUIRED');
    expect(noJustification.problems).toHaveLength(1 + flags.length);
    const oneMissing = Object.fromEntries(flags.slice(1).map((f) => [f.key, 'Reviewed with the panel']));
    const unanswered = await refusal(approveVersion(store, { versionId: 'mv-first', actor: lead, justification: 'Beats the scorecard', responses: oneMissing }));
    expect(unanswered.code).toBe('MODEL_FLAGS_UNANSWERED');
    expect(unanswered.problems).toEqual([`respond to the fairness flag "${flags[0]!.text}" (key ${flags[0]!.key})`]);
    expect((await auditActions('mv-first')).slice(-2).map((a) => a.action)).toEqual(['model.approval_refused', 'model.approval_refused']);
  });

  it('approves with a justification and a response per flag; scores with it; the next approval retires it', async () => {
    const flags = fairnessFlags((await loadVersion(store.sql, 'mv-first')).fairness);
    const responses = Object.fromEntries(flags.map((f) => [f.key, `Response to ${f.metric}`]));
    expect(await approveVersion(store, { versionId: 'mv-first', actor: lead, justification: 'Beats the scorecard', responses })).toEqual({ versionId: 'mv-first', retired: [] });
    const approved = await loadVersion(store.sql, 'mv-first');
    expect([approved.status, approved.approvedBy, approved.justification]).toEqual(['approved', 'ig-lead', 'Beats the scorecard']);
    expect(approved.fairnessResponses).toEqual(responses);
    expect(await scorePersons(store, { versionId: 'mv-first', asOf: '2026-03-31', personIds: ['P-1', 'P-2'], features: columns(), actor: 'test' })).toBe(2);
    const [score] = await store.sql.query<{ probability: number; intercept: number; contributions: Record<string, number> }>(
      `SELECT probability, intercept, contributions FROM scores WHERE person_id = 'P-1' AND model_version_id = 'mv-first'`);
    const logit = score!.intercept + Object.values(score!.contributions).reduce((a, b) => a + b, 0);
    expect(score!.probability).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);

    await registerDraftVersion(store, { modelDir, actor: analyst, id: 'mv-second' });
    const result = await approveVersion(store, { versionId: 'mv-second', actor: lead, justification: 'Refitted', responses });
    expect(result.retired).toEqual(['mv-first']);
    const first = await loadVersion(store.sql, 'mv-first');
    expect([first.status, first.retiredBy, first.retiredReason]).toEqual(['retired', 'ig-lead', 'superseded by mv-second']);
    expect((await auditActions('mv-first')).at(-1)).toEqual({ action: 'model.retired', actor: 'ig-lead' });
    expect((await auditActions('mv-second')).map((a) => a.action)).toEqual(['model.registered', 'model.approved']);
    const stale = await refusal(scorePersons(store, { versionId: 'mv-first', asOf: '2026-04-30', personIds: ['P-1'], features: columns(), actor: 'test' }));
    expect(stale.code).toBe('MODEL_NOT_APPROVED');
    const again = await refusal(approveVersion(store, { versionId: 'mv-first', actor: lead, justification: 'again', responses }));
    expect(again.code).toBe('MODEL_VERSION_STATUS');
  });

  it('retires with a reason, only as the governance lead; a retired version scores no one', async () => {
    expect((await refusal(retireVersion(store, { versionId: 'mv-second', actor: lead, reason: ' ' }))).code).toBe('MODEL_REASON_REQUIRED');
    expect((await refusal(retireVersion(store, { versionId: 'mv-second', actor: analyst, reason: 'drift' }))).code).toBe('MODEL_APPROVAL_ROLE');
    await retireVersion(store, { versionId: 'mv-second', actor: lead, reason: 'Drift in the 2026 extract' });
    const retired = await loadVersion(store.sql, 'mv-second');
    expect([retired.status, retired.retiredBy, retired.retiredReason]).toEqual(['retired', 'ig-lead', 'Drift in the 2026 extract']);
    expect((await auditActions('mv-second')).at(-1)).toEqual({ action: 'model.retired', actor: 'ig-lead' });
    expect((await refusal(scorePersons(store, { versionId: 'mv-second', asOf: '2026-03-31', personIds: ['P-1'], features: columns(), actor: 'test' }))).code).toBe('MODEL_NOT_APPROVED');
    expect((await refusal(loadVersion(store.sql, 'mv-none'))).code).toBe('MODEL_VERSION_NOT_FOUND');
  });
});
