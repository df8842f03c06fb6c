/**
 * The whole access matrix, every role × every route, through the real hooks (app.inject): derived
 * from the matrix itself, then checked again against an independent table of the sensitive rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessMatrix, grantFor, ROLES, type AccessRule, type Role } from '../../src/governance/index.ts';
import { buildApp } from '../../src/web/index.ts';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type Actor, type DemoRole, type TestApp } from './support/web-app.ts';

const wildcardExamples: Record<string, string> = {
  '/assets/govuk/*': '/assets/govuk/govuk-frontend.min.js',
  '/assets/moj/*': '/assets/moj/moj-frontend.min.js',
  '/assets/tributary/*': '/assets/tributary/app.mjs',
};

describe.each(storeTargets)('access matrix on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  const urlFor = (rule: AccessRule) => wildcardExamples[rule.path] ?? rule.path
    .replace(':batchId', String(t.fixtures.ownBatch))
    .replace(':personId', t.fixtures.personId)
    .replace(':teamId', t.fixtures.ownTeam)
    .replace(':reviewItemId', String(t.fixtures.reviewItemId))
    .replace(':planId', '1');

  const actors = new Map<DemoRole, Actor>();
  /** The role's session with a purpose stated (a fresh one for POSTs, which may end it). */
  const actorFor = async (role: DemoRole, fresh: boolean) => {
    const purpose = role === 'analyst' ? 'linkage_quality' : 'early_help';
    if (fresh) return t.actAs(role, { purpose });
    if (!actors.has(role)) actors.set(role, await t.actAs(role, { purpose }));
    return actors.get(role)!;
  };

  /** Sends the rule's request as `actor`, with a valid CSRF token, meeting the grant's conditions. */
  const send = (rule: AccessRule, actor: Actor | null) => {
    const url = urlFor(rule);
    if (rule.method === 'GET') return t.request(actor, { method: 'GET', url });
    if (url.startsWith('/api/')) {
      return t.request(actor, { method: 'POST', url, headers: { 'x-csrf-token': actor?.csrf ?? '' }, payload: {} });
    }
    return t.request(actor, { method: 'POST', url, payload: { _csrf: actor?.csrf ?? '' } });
  };

  it('lists every registered route, and registers every route it lists', () => {
    const registered = new Set(t.app.routeTable.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
    const listed = new Set(accessMatrix.map((r) => `${r.method} ${r.path}`));
    expect([...registered].filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !registered.has(r))).toEqual([]);
  });

  it('refuses a route that is missing from the matrix, even to the administrator', async () => {
    const app = await buildApp({ store: t.store, settings: { logLevel: 'silent' } });
    try {
      app.get('/unlisted', async () => 'secret');
      await app.ready();
      const admin = await t.actAs('admin');
      const response = await app.inject({ url: '/unlisted', headers: { cookie: admin.cookie } });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('ROUTE_NOT_IN_MATRIX');
      expect(response.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });

  const cases = accessMatrix.flatMap((rule) => [null, ...ROLES].map((role) => ({ rule, role })));
  it.each(cases.map((c) => ({ ...c, description: `${c.rule.method} ${c.rule.path} as ${c.role ?? 'anonymous'}` })))(
    '$description', async ({ rule, role }) => {
      const grant = grantFor(rule, role as Role | null);
      const fresh = rule.method === 'POST';
      const actor = role ? await actorFor(role as DemoRole, fresh) : await t.anonymous();
      const response = await send(rule, actor);
      const isApi = rule.path.startsWith('/api/');
      if (rule.public) {
        expect(response.statusCode, response.body.slice(0, 200)).not.toBe(403);
        expect(response.headers.location ?? '').not.toMatch(/^\/sign-in\?next/);
      } else if (!role) {
        if (isApi) expect(response.statusCode).toBe(401);
        else {
          expect(response.statusCode).toBe(303);
          expect(response.headers.location).toMatch(/^\/sign-in\?next=/);
        }
      } else if (grant === null) {
        expect(response.statusCode).toBe(403);
        if (isApi) expect(response.json().error.code).toBe('FORBIDDEN');
        else expect(response.body).toContain('FORBIDDEN');
      } else {
        expect([401, 403], `${response.statusCode}: ${response.body.slice(0, 300)}`).not.toContain(response.statusCode);
        expect(response.headers.location ?? '').not.toMatch(/^\/(sign-in|purpose)\?(ended=1&)?next=/);
      }
    },
  );
});
