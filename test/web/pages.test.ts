/**
 * Responses as a whole: health, security headers on every response, error pages that leak nothing,
 * assets without the GOV.UK crown or typeface, the generated OpenAPI description, and logs without
 * credentials or query strings.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessMatrix, grantFor, ROLES, type Role } from '../../src/governance/index.ts';
import type { Store } from '../../src/store/index.ts';
import { apiRoutes, buildApp } from '../../src/web/index.ts';
import { storeTargets } from '../support/stores.ts';
import { PASSWORD } from './support/fixtures.ts';
import { quietSettings, signInThroughForm, startTestApp, type DemoRole, type TestApp } from './support/web-app.ts';

/** A store whose queries touching `agencies` fail, as a database fault would. */
function faultyStore(store: Store): Store {
  const fail = (text: string) => /\bagencies\b|SELECT 1/.test(text);
  return {
    ...store,
    sql: {
      query: async (text, params) => {
        if (fail(text)) throw new Error('connection lost: secret-internal-detail in /srv/db.ts:12');
        return store.sql.query(text, params);
      },
      exec: (text) => store.sql.exec(text),
    },
  };
}

describe.each(storeTargets)('pages on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it('answers /health with the database checked', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  const getRules = accessMatrix.filter((rule) => rule.method === 'GET' && !rule.path.includes('*'));
  it.each(getRules.map((rule) => ({ rule, description: rule.path })))('puts the security headers on $description', async ({ rule }) => {
    const role = ROLES.find((r) => grantFor(rule, r) !== null) as Role | undefined;
    const actor = role && !rule.public ? await t.actAs(role as DemoRole, { purpose: role === 'analyst' ? 'linkage_quality' : 'early_help' }) : null;
    const url = rule.path.replace(':batchId', String(t.fixtures.ownBatch)).replace(':personId', t.fixtures.personId)
      .replace(':teamId', t.fixtures.ownTeam)
      .replace(':reviewItemId', String(t.fixtures.reviewItemId)).replace(':modelVersionId', 'mv-test-1');
    const response = await t.request(actor, { url });
    if (!rule.path.startsWith('/sign-in/oidc')) expect(response.statusCode).toBeLessThan(400); // OIDC is not configured here: 404
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    // Assets and the public transparency page may be cached; everything else is no-store.
    if (!rule.path.startsWith('/assets/') && !rule.path.startsWith('/transparency')) expect(response.headers['cache-control']).toBe('no-store');
    if (String(response.headers['content-type']).startsWith('text/html')) {
      expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(response.body).not.toMatch(/\sstyle="/);
    }
  });

  it.each([
    { description: '404 for an unknown page', role: null, url: '/no-such-page', status: 404, title: 'Page not found' },
    { description: '403 for a page the role may not open', role: 'practitioner' as const, url: '/governance', status: 403, title: 'You do not have access to this page' },
    { description: '400 for a person addressed by an NHS number', role: 'practitioner' as const, url: '/people/9434765919', status: 400, title: 'There is a problem with your request' },
  ])('shows the GOV.UK error page: $description', async ({ role, url, status, title }) => {
    const actor = role ? await t.actAs(role, { purpose: 'early_help' }) : null;
    const response = await t.request(actor, { url });
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(`<h1 class="govuk-heading-l">${title}</h1>`);
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.body).not.toContain('9434765919');
  });

  it('answers an unknown API path with JSON, not a page', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Page not found.' } });
  });

  it('shows a 500 page and a 503 health answer that leak nothing when the database fails', async () => {
    const app = await buildApp({ store: faultyStore(t.store), settings: quietSettings });
    const analyst = await t.actAs('analyst');
    const page = await app.inject({ url: '/data', headers: { cookie: analyst.cookie } });
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with the service');
    const api = await app.inject({ url: '/api/v1/data', headers: { cookie: analyst.cookie } });
    expect(api.statusCode).toBe(500);
    expect(api.json()).toEqual({ error: { code: 'INTERNAL', message: 'Sorry, there is a problem with the service.' } });
    const health = await app.inject({ url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'error', database: 'unavailable' });
    for (const body of [page.body, api.body, health.body]) {
      expect(body).not.toContain('secret-internal-detail');
      expect(body).not.toMatch(/\bat .*\.ts:\d+/);
    }
    await app.close();
  });

  it('serves one stylesheet without the GDS Transport typeface, and none of the crown, crest or font files', async () => {
    const css = await t.app.inject({ url: '/assets/tributary/frontend.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).not.toContain('GDS Transport');
    expect(css.body).not.toContain('@font-face');
    expect(css.body).toContain('font-family:system-ui');
    for (const url of [
      '/assets/govuk/assets/images/govuk-crest.svg', '/assets/govuk/assets/fonts/bold-b542beb274-v2.woff2',
      '/assets/govuk/assets/images/favicon.ico', '/assets/moj/assets/images/moj-logotype-crest-2024.svg',
      '/assets/govuk/govuk-frontend.min.css', '/assets/tributary/tributary.css',
    ]) expect((await t.app.inject({ url })).statusCode, url).toBe(404);
    const home = await t.request(await t.actAs('admin'), { url: '/' });
    expect(home.body).toContain('Tributary');
    expect(home.body).toContain('Demo partnership');
    expect(home.body).not.toMatch(/govuk-header|crown|crest|GOV\.UK/);
  });

  it('describes every API route in OpenAPI 3.1, with the roles the access matrix grants', async () => {
    const response = await t.app.inject({ url: '/api/v1/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const registered = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.url !== '/api/v1/openapi.json');
    expect(registered).toHaveLength(apiRoutes.length);
    for (const route of registered) {
      const operation = doc.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      const rule = accessMatrix.find((r) => r.method === route.method && r.path === route.url)!;
      expect(operation['x-tributary-access'].roles).toEqual(rule.roles);
      expect(operation.responses['200'].content['application/json'].schema).toBeDefined();
    }
    const person = doc.paths['/api/v1/people/{personId}'].get;
    expect(person.parameters).toEqual([expect.objectContaining({ name: 'personId', in: 'path', required: true })]);
    const audit = doc.paths['/api/v1/governance/audit'].get;
    expect(audit.parameters.map((p: { name: string }) => p.name)).toEqual(['actor', 'action', 'from', 'to', 'limit']);
  });

  it('logs no cookies, tokens, passwords, bodies or query strings', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const app = await buildApp({ store: t.store, settings: { ...quietSettings, logLevel: 'info' }, logDestination: destination });
    const { actor } = await signInThroughForm(app, 'ig-lead', PASSWORD);
    await app.inject({ url: '/governance/audit?actor=a-named-person&action=person.view', headers: { cookie: actor!.cookie } });
    await app.inject({ method: 'POST', url: '/api/v1/purpose', headers: { cookie: actor!.cookie, 'x-csrf-token': actor!.csrf, authorization: 'Bearer secret-bearer' }, payload: { purpose: 'enforcement' } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/governance/audit');
    for (const secret of [actor!.cookie.split('=')[1]!, actor!.csrf, PASSWORD, 'a-named-person', 'secret-bearer', 'enforcement']) {
      expect(log).not.toContain(secret);
    }
  });
});
