/**
 * The Models section in-process, on both engines: the list with statuses, a version's page (evaluation
 * beside the scorecard, charts as SVG images with their numbers in tables, fairness table and proxy
 * check, model card), the API and its OpenAPI entry, and the governance lead's approve and retire
 * forms (CSRF, one response per flag, refusals, audit); analysts read only.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairnessFlags, loadVersion, registerDraftVersion } from '../../src/score/index.ts';
import { storeTargets } from '../support/stores.ts';
import { fitVersionFixture } from '../score/support/version-fixture.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

let modelDir: string;
beforeAll(async () => { modelDir = await fitVersionFixture(await mkdtemp(join(tmpdir(), 'models-web-'))); }, 120_000);

describe.each(storeTargets)('Models pages on $name', (target) => {
  let t: TestApp;
  const id = 'mv-web-1';
  beforeAll(async () => {
    t = await startTestApp(target);
    await registerDraftVersion(t.store, { modelDir, actor: { username: 'analyst', role: 'analyst' }, id });
  });
  afterAll(async () => { await t?.close(); });

  const flagsOf = async () => fairnessFlags((await loadVersion(t.store.sql, id)).fairness);

  it('lists the versions with their status for analysts and the governance lead', async () => {
    for (const role of ['analyst', 'ig_lead'] as const) {
      const page = await t.request(await t.actAs(role), { url: '/models' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="/models/${id}"`);
      expect(page.body).toMatch(/Draft[\s\S]*Approved/);
    }
    const api = (await t.request(await t.actAs('analyst'), { url: '/api/v1/models' })).json();
    expect(api.versions.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual(expect.arrayContaining([[id, 'draft'], ['mv-test-1', 'approved']]));
  });

  it('shows a version: evaluation beside the scorecard, charts as images with tables, fairness, proxy check, card; no form for analysts', async () => {
    const page = await t.request(await t.actAs('analyst'), { url: `/models/${id}` });
    expect(page.statusCode).toBe(200);
    for (const text of ['Additive model', 'Points scorecard', 'Logistic regression', '95% interval', 'Brier', 'Calibration curve', 'Lift by decile',
      'The points scorecard', 'Fairness', 'ethnicity', 'Proxy check', 'Which fairness criteria can hold together', 'Model card', 'Black']) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body.match(/<img src="data:image\/svg\+xml;base64,/g)!.length).toBeGreaterThanOrEqual(5);
    expect(page.body).not.toMatch(/<script(?![^>]*src=)/);
    expect(page.body).not.toContain('Approve version');
    expect(page.body).not.toContain('Retire version');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await t.request(await t.actAs('analyst'), { url: '/models/mv-none' })).statusCode).toBe(404);
  });

  it('answers the API for one version with each flag, and describes it in the OpenAPI', async () => {
    const body = (await t.request(await t.actAs('ig_lead'), { url: `/api/v1/models/${id}` })).json();
    expect(body.version.id).toBe(id);
    expect(body.version.evaluation.model.auc.auc).toBeGreaterThan(0.6);
    expect(body.flags.length).toBe((await flagsOf()).length);
    expect(body.flags[0]).toMatchObject({ attribute: 'ethnicity', response: null });
    const openApi = (await t.request(null, { url: '/api/v1/openapi.json' })).json();
    expect(openApi.paths['/api/v1/models/{modelVersionId}'].get.operationId).toBe('getModelVersion');
    expect(openApi.paths['/api/v1/models/{modelVersionId}'].get['x-tributary-access'].roles).toEqual({ analyst: [], ig_lead: [] });
  });

  it('refuses approval to practitioners and analysts, and a form without its CSRF token', async () => {
    for (const role of ['practitioner', 'analyst'] as const) {
      const actor = await t.actAs(role);
      const response = await t.request(actor, { method: 'POST', url: `/models/${id}/approve`, payload: { _csrf: actor.csrf, justification: 'x' } });
      expect(response.statusCode).toBe(403);
    }
    const lead = await t.actAs('ig_lead');
    expect((await t.request(lead, { method: 'POST', url: `/models/${id}/approve`, payload: { justification: 'x' } })).statusCode).toBe(403);
    expect((await loadVersion(t.store.sql, id)).status).toBe('draft');
  });

  it('shows the governance lead the form with one response per flag, and every missing answer as an error', async () => {
    const lead = await t.actAs('ig_lead');
    const flags = await flagsOf();
    const form = await t.request(lead, { url: `/models/${id}` });
    expect(form.body).toContain('Approve version');
    expect(form.body).toContain(`name="_csrf" value="${lead.csrf}"`);
    expect(form.body.match(/<textarea[^>]+name="response-\d+"/g)!.length).toBe(flags.length);
    const response = await t.request(lead, { method: 'POST', url: `/models/${id}/approve`, payload: { _csrf: lead.csrf, 'response-0': 'Reviewed' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#justification"');
    expect(response.body).not.toContain('href="#response-0"');
    expect(response.body).toContain(`href="#response-${flags.length - 1}"`);
    expect(response.body).toContain('>Reviewed</textarea>');
    const [refused] = await t.store.sql.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'model.approval_refused' AND subject_ref = $1`, [id]);
    expect(refused?.actor).toBe('ig-lead');
  });

  it('approves with a justification and every response, retiring the version approved before, and audits it', async () => {
    const lead = await t.actAs('ig_lead');
    const flags = await flagsOf();
    const payload: Record<string, string> = { _csrf: lead.csrf, justification: 'Beats the scorecard on held-out dates; flags reviewed with the panel' };
    flags.forEach((flag, i) => { payload[`response-${i}`] = `Reviewed: ${flag.metric}`; });
    const response = await t.request(lead, { method: 'POST', url: `/models/${id}/approve`, payload });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(new RegExp(`^/models/${id}\\?approved=1&rescored=\\d+$`));
    const version = await loadVersion(t.store.sql, id);
    expect([version.status, version.approvedBy]).toEqual(['approved', 'ig-lead']);
    expect(Object.keys(version.fairnessResponses ?? {}).sort()).toEqual(flags.map((f) => f.key).sort());
    const [previous] = await t.store.sql.query<{ status: string; retired_reason: string }>(`SELECT status, retired_reason FROM model_versions WHERE id = 'mv-test-1'`);
    expect(previous).toEqual({ status: 'retired', retired_reason: `superseded by ${id}` });
    const actions = await t.store.sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE action IN ('model.approved', 'model.retired') ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['model.approved', 'model.retired']);
    const page = await t.request(lead, { url: response.headers.location as string });
    expect(page.body).toContain('Version approved');
    expect(page.body).toContain('Reviewed: ');
    expect(page.body).not.toContain('Approve version');
  });

  it('retires with a reason (required), as the governance lead only', async () => {
    const analyst = await t.actAs('analyst');
    expect((await t.request(analyst, { method: 'POST', url: `/models/${id}/retire`, payload: { _csrf: analyst.csrf, reason: 'x' } })).statusCode).toBe(403);
    const lead = await t.actAs('ig_lead');
    const empty = await t.request(lead, { method: 'POST', url: `/models/${id}/retire`, payload: { _csrf: lead.csrf, reason: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter a reason for retiring this version');
    const done = await t.request(lead, { method: 'POST', url: `/models/${id}/retire`, payload: { _csrf: lead.csrf, reason: 'Superseded by the spring refit' } });
    expect(done.statusCode).toBe(303);
    const version = await loadVersion(t.store.sql, id);
    expect([version.status, version.retiredBy, version.retiredReason]).toEqual(['retired', 'ig-lead', 'Superseded by the spring refit']);
  });
});
