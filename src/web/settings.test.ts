import { describe, expect, it } from 'vitest';
import { loadWebSettings } from './settings.ts';

describe('loadWebSettings', () => {
  it('has demo defaults', () => {
    const settings = loadWebSettings({});
    expect(settings).toMatchObject({
      partnershipName: 'Demo partnership', port: 3000, host: '127.0.0.1', trustProxy: false, secureCookies: 'auto',
      session: { idleMinutes: 30, absoluteHours: 10 }, lockout: { maxFailures: 5, lockMinutes: 15 }, localSignIn: true,
    });
    expect(settings.oidc).toBeUndefined();
    expect(settings.pseudonymKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    { description: 'the partnership name', env: { TRIBUTARY_PARTNERSHIP_NAME: 'Riverford' }, expected: { partnershipName: 'Riverford' } },
    { description: 'trusting the proxy', env: { TRIBUTARY_TRUST_PROXY: 'true' }, expected: { trustProxy: true } },
    { description: 'always-secure cookies', env: { TRIBUTARY_SECURE_COOKIES: 'always' }, expected: { secureCookies: 'always' } },
    { description: 'the idle timeout', env: { TRIBUTARY_SESSION_IDLE_MINUTES: '15' }, expected: { session: { idleMinutes: 15, absoluteHours: 10 } } },
    { description: 'turning local sign-in off', env: { TRIBUTARY_LOCAL_SIGN_IN: 'false' }, expected: { localSignIn: false } },
    { description: 'the port', env: { PORT: '8080' }, expected: { port: 8080 } },
  ])('reads $description', ({ env, expected }) => {
    expect(loadWebSettings(env)).toMatchObject(expected);
  });

  it('reads OpenID Connect with its role map', () => {
    const settings = loadWebSettings({
      TRIBUTARY_OIDC_ISSUER: 'https://login.example.org', TRIBUTARY_OIDC_CLIENT_ID: 'tributary', TRIBUTARY_OIDC_CLIENT_SECRET: 's',
      TRIBUTARY_OIDC_REDIRECT_URI: 'https://t.example.org/sign-in/oidc/callback', TRIBUTARY_OIDC_ROLE_CLAIM: 'groups',
      TRIBUTARY_OIDC_ROLE_MAP: '{"yjs":"practitioner"}',
    });
    expect(settings.oidc).toMatchObject({ roleClaim: 'groups', roleMap: { yjs: 'practitioner' }, scope: 'openid profile', allowInsecureRequests: false });
  });

  it.each([
    { description: 'a role map naming an unknown role', env: { TRIBUTARY_OIDC_ISSUER: 'https://x.org', TRIBUTARY_OIDC_CLIENT_ID: 'a', TRIBUTARY_OIDC_CLIENT_SECRET: 'b', TRIBUTARY_OIDC_REDIRECT_URI: 'https://y.org/cb', TRIBUTARY_OIDC_ROLE_MAP: '{"g":"police"}' } },
    { description: 'an unknown cookie policy', env: { TRIBUTARY_SECURE_COOKIES: 'sometimes' } },
    { description: 'a short pseudonym key', env: { TRIBUTARY_PSEUDONYM_KEY: 'short' } },
  ])('refuses $description', ({ env }) => {
    expect(() => loadWebSettings(env)).toThrow();
  });
});
