/**
 * Starting and ending a signed-in session. Signing in always replaces the session (a new token and a
 * new CSRF token), so a token seen before sign-in is worthless after it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit, type Role } from '../../governance/index.ts';
import type { AppContext } from '../app-context.ts';
import { clearSessionCookie, setSessionCookie } from '../session/session-cookie.ts';
import { createSession, deleteSession, purgeEndedSessions } from '../session/session-store.ts';

export interface SignedInUser {
  id: string;
  username: string;
  role: Role;
}

/** Replaces the request's session with a signed-in one and audits the sign-in. */
export async function startSignedInSession(
  request: FastifyRequest, reply: FastifyReply, ctx: AppContext, user: SignedInUser, method: 'local' | 'oidc',
): Promise<void> {
  if (request.session) await deleteSession(ctx.store, request.session.id);
  await purgeEndedSessions(ctx.store, ctx.settings.session);
  const { token, session } = await createSession(ctx.store, { userId: user.id });
  request.session = session;
  setSessionCookie(reply, token, ctx.settings);
  await appendAudit(ctx.store, { actor: user.username, role: user.role, action: 'sign_in.success', details: { method } });
}

/** Ends the request's session, clears the cookie and audits the sign-out. */
export async function endSession(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): Promise<void> {
  if (request.session) await deleteSession(ctx.store, request.session.id);
  clearSessionCookie(reply, ctx.settings);
  if (request.principal) {
    await appendAudit(ctx.store, { actor: request.principal.username, role: request.principal.role, action: 'sign_out' });
  }
}

/** A `next` address that stays on this site (a path, never `//host` or a full URL), else `/`. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}
