/**
 * Signing in with OpenID Connect against a real provider (oidc-provider, in-process on a loopback
 * port): authorisation code with PKCE, state and nonce; roles mapped from a claim by configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { storeTargets } from '../support/stores.ts';
import { CLIENT, loginAtProvider, startTestProvider, type TestProvider } from './support/oidc-provider.ts';
import { sessionCookieOf, startTestApp, type TestApp } from './support/web-app.ts';

const accounts = {
  pat: { name: 'Pat Okafor', preferred_username: 'pat', tributary_roles: ['staff', 'yjs-practitioners'], tributary_team: 'early-help-north' },
  dana: { name: 'Dana Reyes', preferred_username: 'dana', tributary_roles: ['dpo'] },
  nobody: { name: 'No Role', preferred_username: 'nobody', tributary_roles: ['staff'] },
  twofold: { name: 'Two Roles', preferred_username: 'twofold', tributary_roles: ['yjs-practitioners', 'dpo'] },
};

let provider: TestProvider;
beforeAll(async () => { provider = await startTestProvider(accounts); });
afterAll(async () => { await provider?.close(); });

describe.each(storeTargets)('OpenID Connect sign-in on $name', (target) => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await startTestApp(target);
    app = await t.withSettings({
      oidc: {
        issuer: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, redirectUri: CLIENT.redirectUri,
        scope: 'openid profile tributary', roleClaim: 'tributary_roles', teamClaim: 'tributary_team',
        roleMap: { 'yjs-practitioners': 'practitioner', dpo: 'ig_lead' }, allowInsecureRequests: true, label: 'your council account',
      },
    });
  });
  afterAll(async () => { await t?.close(); });

  /** Starts at the app, logs in at the provider, and hands the callback back to the app. */
  const signIn = async (accountId: string, tamper?: (callback: URL) => void) => {
    const start = await app.inject({ url: '/sign-in/oidc?next=/worklist' });
    expect(start.statusCode).toBe(303);
    const cookie = sessionCookieOf(start)!;
    const authorization = new URL(start.headers.location as string);
    const callback = await loginAtProvider(authorization.href, accountId);
    tamper?.(callback);
    const finish = await app.inject({ url: `${callback.pathname}${callback.search}`, headers: { cookie } });
    return { authorization, finish };
  };

  it('offers the organisation account on the sign-in page', async () => {
    const page = await app.inject({ url: '/sign-in' });
    expect(page.body).toContain('Sign in with your council account');
  });

  it('signs a practitioner in with PKCE, maps their role and team from claims, and audits it', async () => {
    const { authorization, finish } = await signIn('pat');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    expect(finish.statusCode, finish.body.slice(0, 300)).toBe(303);
    expect(finish.headers.location).toBe('/worklist');
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: sessionCookieOf(finish)! } });
    expect(me.json().user).toMatchObject({
      username: 'oidc:pat', displayName: 'Pat Okafor', role: 'practitioner', team: { id: 'early-help-north' },
    });
    const [entry] = await t.store.sql.query<{ details: unknown }>(`SELECT details FROM audit_log WHERE actor = 'oidc:pat' AND action = 'sign_in.success'`);
    expect(JSON.stringify(entry!.details)).toContain('oidc');
  });

  it('maps another claim value to the governance lead, and signs the same subject in again as the same account', async () => {
    await signIn('dana');
    const { finish } = await signIn('dana');
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: sessionCookieOf(finish)! } });
    expect(me.json().user.role).toBe('ig_lead');
    expect(await t.store.sql.query(`SELECT id FROM users WHERE username = 'oidc:dana'`)).toHaveLength(1);
  });

  it.each([
    { description: 'no claim value that maps to a role', account: 'nobody', reason: 'no_role' },
    { description: 'values mapping to two roles', account: 'twofold', reason: 'ambiguous_role' },
  ])('refuses a user with $description, and audits the refusal', async ({ account, reason }) => {
    const { finish } = await signIn(account);
    expect(finish.statusCode).toBe(403);
    expect(finish.body).toContain('OIDC_NO_ROLE');
    expect(sessionCookieOf(finish)).toBeUndefined();
    const rows = await t.store.sql.query(`SELECT details FROM audit_log WHERE action = 'sign_in.failure' AND actor = $1`, [`oidc:${account}`]);
    expect(JSON.stringify(rows)).toContain(reason);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const { finish } = await signIn('pat', (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(finish.statusCode).toBe(401);
    expect(finish.body).toContain('OIDC_FAILED');
  });

  it('refuses a callback without the session that started the sign-in', async () => {
    const response = await app.inject({ url: '/sign-in/oidc/callback?code=abc&state=def' });
    expect(response.statusCode).toBe(401);
  });
});
