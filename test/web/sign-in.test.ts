/**
 * Signing in and out: local accounts with argon2id, lockout that does not reveal whether a username
 * exists, rate limiting, CSRF on every form (the sign-in form included), cookie flags, session
 * rotation, idle and absolute timeouts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { PASSWORD } from './support/fixtures.ts';
import { csrfOf, sessionCookieOf, signInThroughForm, startTestApp, type TestApp } from './support/web-app.ts';

describe.each(storeTargets)('signing in on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target, { lockout: { maxFailures: 5, lockMinutes: 15 } }); });
  afterAll(async () => { await t?.close(); });

  const attempt = async (username: string, password: string) => (await signInThroughForm(t.app, username, password)).response;

  it('signs in with the right password, rotating the session, and audits it', async () => {
    const form = await t.app.inject({ url: '/sign-in' });
    const before = sessionCookieOf(form)!;
    const response = await t.app.inject({
      method: 'POST', url: '/sign-in', headers: { cookie: before },
      payload: { _csrf: csrfOf(form.body), username: 'supervisor', password: PASSWORD, next: '/worklist' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/worklist');
    const after = sessionCookieOf(response)!;
    expect(after).not.toBe(before);
    expect((await t.app.inject({ url: '/', headers: { cookie: before } })).statusCode).toBe(303);
    expect((await t.app.inject({ url: '/', headers: { cookie: after } })).statusCode).toBe(200);
    const [entry] = await t.store.sql.query(`SELECT action, role FROM audit_log WHERE actor = 'supervisor' AND action = 'sign_in.success'`);
    expect(entry).toEqual({ action: 'sign_in.success', role: 'supervisor' });
  });

  it.each([
    { description: 'a wrong password', username: 'analyst', password: 'wrong-password' },
    { description: 'an unknown username', username: 'nobody-here', password: PASSWORD },
    { description: 'a blank form', username: '', password: '' },
  ])('refuses $description with the same message, and audits the failure', async ({ username, password }) => {
    const response = await attempt(username, password);
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('Enter a correct username and password');
    expect(response.body).not.toMatch(/not exist|unknown|no such|locked out/i);
    const rows = await t.store.sql.query(`SELECT 1 FROM audit_log WHERE action = 'sign_in.failure' AND actor = $1`, [username || '(blank)']);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('locks an account after 5 wrong passwords for 15 minutes, with a message that reveals nothing', async () => {
    const unknown = await attempt('no-such-user', 'whatever');
    for (let i = 0; i < 5; i += 1) expect((await attempt('ig-lead', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt('ig-lead', PASSWORD);
    expect(locked.statusCode).toBe(401);
    const message = (body: string) => /<p id="username-error"[^>]*>([\s\S]*?)<\/p>/.exec(body)?.[1]?.trim();
    expect(message(locked.body)).toBe(message(unknown.body));
    const [row] = await t.store.sql.query<{ locked_until: Date | string }>(`SELECT locked_until FROM users WHERE username = 'ig-lead'`);
    const minutes = (new Date(row!.locked_until).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    await t.store.sql.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'ig-lead'`);
    expect((await attempt('ig-lead', PASSWORD)).statusCode).toBe(303);
  });

  it.each([
    { description: 'no token', token: undefined },
    { description: 'a wrong token', token: 'not-the-token' },
  ])('refuses a form with $description (sign-in and signed-in forms alike)', async ({ token }) => {
    const form = await t.app.inject({ url: '/sign-in' });
    const cookie = sessionCookieOf(form)!;
    const signIn = await t.app.inject({
      method: 'POST', url: '/sign-in', headers: { cookie },
      payload: { ...(token ? { _csrf: token } : {}), username: 'analyst', password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.body).toContain('CSRF_INVALID');
    const actor = await t.actAs('practitioner');
    const purpose = await t.request(actor, { method: 'POST', url: '/purpose', payload: { ...(token ? { _csrf: token } : {}), purpose: 'early_help' } });
    expect(purpose.statusCode).toBe(403);
    const api = await t.request(actor, { method: 'POST', url: '/api/v1/purpose', headers: token ? { 'x-csrf-token': token } : {}, payload: { purpose: 'early_help' } });
    expect(api.json().error.code).toBe('CSRF_INVALID');
    const [session] = await t.store.sql.query(`SELECT purpose FROM sessions WHERE id = $1`, [actor.sessionId]);
    expect(session).toEqual({ purpose: null });
  });

  it('refuses a sign-in form posted without any session (no cookie)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/sign-in', payload: { _csrf: 'x', username: 'analyst', password: PASSWORD } });
    expect(response.statusCode).toBe(403);
  });

  it('signs out, ending the session server-side and auditing it', async () => {
    const { actor } = await signInThroughForm(t.app, 'admin', PASSWORD);
    const out = await t.request(actor!, { method: 'POST', url: '/sign-out', payload: { _csrf: actor!.csrf } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signed-out=1');
    expect(String(out.headers['set-cookie'])).toMatch(/tributary_session=;/);
    expect((await t.request(actor!, { url: '/' })).statusCode).toBe(303);
    const rows = await t.store.sql.query(`SELECT 1 FROM audit_log WHERE actor = 'admin' AND action = 'sign_out'`);
    expect(rows).toHaveLength(1);
  });

  it.each([
    { description: 'idle for longer than the idle timeout', column: 'last_seen_at', ago: '31 minutes' },
    { description: 'older than the absolute timeout, though active', column: 'created_at', ago: '10 hours 1 minute' },
  ])('ends a session $description', async ({ column, ago }) => {
    const actor = await t.actAs('analyst');
    expect((await t.request(actor, { url: '/' })).statusCode).toBe(200);
    await t.store.sql.query(`UPDATE sessions SET ${column} = now() - interval '${ago}' WHERE id = $1`, [actor.sessionId]);
    const response = await t.request(actor, { url: '/data' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?ended=1&next=%2Fdata');
    expect(await t.store.sql.query('SELECT 1 FROM sessions WHERE id = $1', [actor.sessionId])).toEqual([]);
    const api = await t.request(actor, { url: '/api/v1/me' });
    expect(api.statusCode).toBe(401);
  });

  it('never redirects off the site after sign-in', async () => {
    const form = await t.app.inject({ url: '/sign-in' });
    const response = await t.app.inject({
      method: 'POST', url: '/sign-in', headers: { cookie: sessionCookieOf(form)! },
      payload: { _csrf: csrfOf(form.body), username: 'uploader', password: PASSWORD, next: '//evil.example/phish' },
    });
    expect(response.headers.location).toBe('/');
  });
});

describe.each(storeTargets)('session cookie and rate limit on $name', (target) => {
  let t: TestApp;
  let plain: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    t = await startTestApp(target);
    plain = await t.withSettings({ signInRateLimit: { max: 3, windowSeconds: 60 } });
    proxied = await t.withSettings({ trustProxy: true });
  });
  afterAll(async () => { await t?.close(); });

  it.each([
    { description: 'over plain http: HttpOnly, SameSite=Lax, Path=/, not Secure', app: () => plain, headers: {}, secure: false },
    { description: 'behind a TLS proxy (X-Forwarded-Proto: https): also Secure', app: () => proxied, headers: { 'x-forwarded-proto': 'https' }, secure: true },
    { description: 'X-Forwarded-Proto from an untrusted client is ignored', app: () => plain, headers: { 'x-forwarded-proto': 'https' }, secure: false },
  ])('sets the session cookie $description', async ({ app, headers, secure }) => {
    const response = await app().inject({ url: '/sign-in', headers });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^tributary_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie.includes('Secure')).toBe(secure);
    if (secure) expect(response.headers['strict-transport-security']).toContain('max-age=');
  });

  it('rate-limits sign-in attempts (here 3 a minute) with a 429 that names the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { response } = await signInThroughForm(plain, 'analyst', 'wrong');
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const { response } = await signInThroughForm(plain, 'analyst', PASSWORD);
    expect(response.statusCode).toBe(429);
    expect(response.body).toContain('RATE_LIMITED');
    expect(response.headers['retry-after']).toBeDefined();
  });
});
