/** Loads the session and the signed-in principal for every request but the static assets. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.ts';
import type { WebSettings } from '../settings.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';
import { createSession, loadSession, touchSession } from './session-store.ts';
import type { SessionState } from '../request-context.ts';

const unsessioned = (url: string | undefined) => !url || url.startsWith('/assets/') || url === '/health';

/** Registers the onRequest hook that fills `request.session`, `request.principal` and `request.sessionEnded`. */
export function registerSessionHook(app: FastifyInstance, store: Store, settings: WebSettings): void {
  app.decorateRequest('session', null);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionEnded', false);
  app.addHook('onRequest', async (request, reply) => {
    if (unsessioned(request.routeOptions.url)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const loaded = await loadSession(store, token, settings.session);
    if (loaded.kind === 'ended') {
      request.sessionEnded = true;
      clearSessionCookie(reply, settings);
      return;
    }
    if (loaded.kind === 'none') return;
    request.session = loaded.session;
    request.principal = loaded.principal;
    await touchSession(store, loaded.session);
  });
}

/**
 * The request's session, or a new anonymous one (the sign-in form's CSRF token lives in it).
 */
export async function ensureSession(
  request: FastifyRequest, reply: FastifyReply, store: Store, settings: WebSettings,
): Promise<SessionState> {
  if (request.session) return request.session;
  const { token, session } = await createSession(store);
  setSessionCookie(reply, token, settings);
  request.session = session;
  return session;
}
