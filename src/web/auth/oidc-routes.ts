/** Signing in with the organisation's identity provider (OpenID Connect), the production option. */
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../../governance/index.ts';
import type { AppContext } from '../app-context.ts';
import { HttpError } from '../http-error.ts';
import { ensureSession } from '../session/session-hook.ts';
import { setSessionPending } from '../session/session-store.ts';
import { upsertOidcAccount } from './accounts.ts';
import { createOidcRelyingParty } from './oidc-client.ts';
import { mapOidcClaims } from './oidc-claims.ts';
import { safeNext, startSignedInSession } from './signed-in-session.ts';

export function registerOidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = ctx.settings.oidc;
  const party = settings ? createOidcRelyingParty(settings) : null;

  app.get('/sign-in/oidc', async (request, reply) => {
    if (!party) throw new HttpError('OIDC_NOT_CONFIGURED');
    const session = await ensureSession(request, reply, ctx.store, ctx.settings);
    const { url, pending } = await party.start();
    const next = safeNext((request.query as Record<string, unknown>).next);
    await setSessionPending(ctx.store, session.id, { ...pending, next });
    return reply.redirect(url, 303);
  });

  app.get('/sign-in/oidc/callback', async (request, reply) => {
    if (!party || !settings) throw new HttpError('OIDC_NOT_CONFIGURED');
    const pending = request.session?.pending;
    if (!request.session || !pending?.state) throw new HttpError('OIDC_FAILED');
    await setSessionPending(ctx.store, request.session.id, null);
    const fail = async (reason: string, code: 'OIDC_FAILED' | 'OIDC_NO_ROLE', actor = 'oidc') => {
      await appendAudit(ctx.store, { actor, role: null, action: 'sign_in.failure', details: { method: 'oidc', reason } });
      return new HttpError(code);
    };
    let claims: Record<string, unknown>;
    try {
      claims = await party.finish(new URL(request.url, settings.redirectUri), pending);
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
      throw await fail('provider_response_rejected', 'OIDC_FAILED');
    }
    const mapped = mapOidcClaims(claims, settings);
    if (mapped.kind !== 'mapped') throw await fail(mapped.kind, 'OIDC_NO_ROLE', `oidc:${String(claims.sub)}`);
    const id = await upsertOidcAccount(ctx.store, mapped);
    await startSignedInSession(request, reply, ctx, { id, username: mapped.username, role: mapped.role }, 'oidc');
    return reply.redirect(safeNext(pending.next), 303);
  });
}
