/** The sign-in form, local sign-in (rate-limited, with lockout) and sign-out. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appendAudit } from '../../governance/index.ts';
import type { AppContext } from '../app-context.ts';
import { HttpError } from '../http-error.ts';
import { ensureSession } from '../session/session-hook.ts';
import { checkLocalCredentials } from './local-sign-in.ts';
import { endSession, safeNext, startSignedInSession } from './signed-in-session.ts';

const SignInBody = z.object({
  _csrf: z.string(),
  username: z.string().trim().max(200).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().optional(),
});

const notices: Record<string, string> = {
  'signed-out': 'You have signed out.',
  ended: 'Your session ended because it was inactive or open too long. Sign in again.',
};

/** The same words for every failure: they never say whether the username exists or is locked. */
export function signInFailedMessage(policy: { maxFailures: number; lockMinutes: number }): string {
  return `Enter a correct username and password. After ${policy.maxFailures} wrong attempts in a row an account is locked for ${policy.lockMinutes} minutes.`;
}

export function registerSignInRoutes(app: FastifyInstance, ctx: AppContext): void {
  const showForm = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}, status = 200) =>
    ctx.render(request, reply, 'sign-in', {
      localSignIn: ctx.settings.localSignIn, oidcLabel: ctx.settings.oidc?.label ?? null, ...data,
    }, status);

  app.get('/sign-in', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (request.principal) return reply.redirect(safeNext(query.next), 303);
    await ensureSession(request, reply, ctx.store, ctx.settings);
    const notice = query['signed-out'] ? notices['signed-out'] : query.ended ? notices.ended : undefined;
    return showForm(request, reply, { next: safeNext(query.next), notice });
  });

  app.post('/sign-in', {
    config: { rateLimit: { max: ctx.settings.signInRateLimit.max, timeWindow: ctx.settings.signInRateLimit.windowSeconds * 1000 } },
  }, async (request, reply) => {
    if (!ctx.settings.localSignIn) throw new HttpError('NOT_FOUND');
    const body = SignInBody.parse(request.body ?? {});
    const next = safeNext(body.next);
    const check = await checkLocalCredentials(ctx.store, body.username, body.password, ctx.settings.lockout);
    if (check.kind === 'accepted') {
      await startSignedInSession(request, reply, ctx, check.account, 'local');
      return reply.redirect(next, 303);
    }
    await appendAudit(ctx.store, {
      actor: body.username.slice(0, 64) || '(blank)', role: check.account?.role ?? null, action: 'sign_in.failure',
      details: { method: 'local', reason: check.reason, locked_now: check.lockedNow ?? false },
    });
    return showForm(request, reply, { error: signInFailedMessage(ctx.settings.lockout), username: body.username, next, hasErrors: true }, 401);
  });

  app.post('/sign-out', async (request, reply) => {
    await endSession(request, reply, ctx);
    return reply.redirect('/sign-in?signed-out=1', 303);
  });
}
