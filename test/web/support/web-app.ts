/**
 * The application under test, in-process: a store (PGlite or PostgreSQL), the fixtures, and helpers
 * to act as each demo account with app.inject.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Store } from '../../../src/store/index.ts';
import { createSession, setSessionPurpose } from '../../../src/web/session/session-store.ts';
import { buildApp, type WebSettingsInput } from '../../../src/web/index.ts';
import type { StoreTarget } from '../../support/stores.ts';
import { seedFixtures, type Fixtures } from './fixtures.ts';

export const demoUsernames = {
  practitioner: 'practitioner', supervisor: 'supervisor', analyst: 'analyst', ig_lead: 'ig-lead', uploader: 'uploader', admin: 'admin',
} as const;
export type DemoRole = keyof typeof demoUsernames;
/** Accounts of the fixtures beyond the demo ones. */
export const otherUsernames = { practitioner_south: 'practitioner-south' } as const;

/** A signed-in (or anonymous) browser: its cookie and CSRF token. */
export interface Actor {
  cookie: string;
  csrf: string;
  sessionId: string;
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  fixtures: Fixtures;
  /** A fresh session for a demo role, optionally with a stated purpose (made directly in the store). */
  actAs(role: DemoRole | keyof typeof otherUsernames, options?: { purpose?: string }): Promise<Actor>;
  /** Another app, with other settings, on the same store (closed with the rest). */
  withSettings(settings: WebSettingsInput): Promise<FastifyInstance>;
  /** A fresh anonymous session (as the sign-in form makes), with its CSRF token. */
  anonymous(): Promise<Actor>;
  /** Injects a request carrying the actor's cookie. */
  request(actor: Actor | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const quietSettings: WebSettingsInput = {
  logLevel: 'silent', signInRateLimit: { max: 1000, windowSeconds: 60 }, pseudonymKey: 'test-pseudonym-key-0123456789',
};

export async function startTestApp(target: StoreTarget, settings: WebSettingsInput = {}): Promise<TestApp> {
  const store = await target.open();
  const fixtures = await seedFixtures(store);
  const app = await buildApp({ store, settings: { ...quietSettings, ...settings } });
  await app.ready();
  const others: FastifyInstance[] = [];
  return {
    app, store, fixtures,
    async actAs(role, options = {}) {
      const username = role === 'practitioner_south' ? otherUsernames[role] : demoUsernames[role];
      const [user] = await store.sql.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
      const { token, session } = await createSession(store, { userId: user!.id });
      if (options.purpose) await setSessionPurpose(store, session.id, options.purpose);
      return { cookie: `tributary_session=${token}`, csrf: session.csrfToken, sessionId: session.id };
    },
    async withSettings(more) {
      const other = await buildApp({ store, settings: { ...quietSettings, ...more } });
      others.push(other);
      return other;
    },
    async anonymous() {
      const { token, session } = await createSession(store);
      return { cookie: `tributary_session=${token}`, csrf: session.csrfToken, sessionId: session.id };
    },
    request(actor, options) {
      const headers = { ...(options.headers ?? {}), ...(actor ? { cookie: actor.cookie } : {}) };
      return app.inject({ ...options, headers });
    },
    async close() {
      for (const other of others) await other.close();
      await app.close();
      await store.close();
    },
  };
}

/** The cookie (name=value) a response sets, if any. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const header = [response.headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith('tributary_session='));
  return header ? String(header).split(';')[0] : undefined;
}

/** The `_csrf` hidden input of an HTML page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf input on the page');
  return match[1]!;
}

/** Signs in through the real form: GET /sign-in, then POST with its CSRF token. */
export async function signInThroughForm(
  app: FastifyInstance, username: string, password: string, headers: Record<string, string> = {},
): Promise<{ response: LightMyRequestResponse; actor: Actor | null }> {
  const form = await app.inject({ url: '/sign-in', headers });
  const cookie = sessionCookieOf(form)!;
  const response = await app.inject({
    method: 'POST', url: '/sign-in', headers: { ...headers, cookie },
    payload: { _csrf: csrfOf(form.body), username, password },
  });
  const signedIn = sessionCookieOf(response);
  if (response.statusCode !== 303 || !signedIn) return { response, actor: null };
  const home = await app.inject({ url: '/', headers: { ...headers, cookie: signedIn } });
  return { response, actor: { cookie: signedIn, csrf: csrfOf(home.body), sessionId: '' } };
}
