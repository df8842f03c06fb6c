/**
 * Synchroniser-token CSRF protection: every state-changing request must carry the session's token,
 * as the form field `_csrf` or the `X-CSRF-Token` header. The sign-in form has one too: the
 * anonymous session created when the form is shown holds it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token the request carries, from the body field `_csrf` or the `X-CSRF-Token` header. */
export function submittedCsrfToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/** True when `submitted` equals `expected`, compared in constant time. */
export function csrfTokensMatch(expected: string, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (safeMethods.has(request.method) || request.routeOptions.url === undefined) return;
    const expected = request.session?.csrfToken;
    if (!expected || !csrfTokensMatch(expected, submittedCsrfToken(request))) throw new HttpError('CSRF_INVALID');
  });
}
