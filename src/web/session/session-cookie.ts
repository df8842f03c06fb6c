/** The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure whenever the request came over TLS. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSettings } from '../settings.ts';

export const SESSION_COOKIE = 'tributary_session';

/** True when the cookie must carry Secure: always, never, or (auto) when the request was https. */
export function cookieIsSecure(request: FastifyRequest, settings: Pick<WebSettings, 'secureCookies'>): boolean {
  if (settings.secureCookies === 'always') return true;
  if (settings.secureCookies === 'never') return false;
  return request.protocol === 'https';
}

/**
 * Sets the session cookie. SameSite is Lax rather than Strict so that the identity provider's
 * redirect back to /sign-in/oidc/callback (a top-level GET from another site) carries it; every
 * state-changing request also needs the session's CSRF token.
 */
export function setSessionCookie(reply: FastifyReply, token: string, settings: Pick<WebSettings, 'secureCookies'>): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(reply.request, settings),
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: Pick<WebSettings, 'secureCookies'>): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(reply.request, settings),
  });
}
