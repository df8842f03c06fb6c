/**
 * One error handler for the whole application: API requests get `{ error: { code, message } }`,
 * pages get the GOV.UK error page for the status. Nothing internal (no stack, no SQL) is ever shown;
 * unexpected errors are logged and answered as INTERNAL.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorCode } from './error-codes.ts';
import { HttpError } from './http-error.ts';
import type { PageRenderer } from './rendering.ts';

const byStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'VALIDATION_FAILED', 429: 'RATE_LIMITED',
};

/** The HttpError to answer with for anything thrown. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) return new HttpError('VALIDATION_FAILED', undefined, { cause: error });
  const status = (error as FastifyError | undefined)?.statusCode;
  const code = status !== undefined ? byStatus[status] : undefined;
  return new HttpError(code ?? 'INTERNAL');
}

const titles: Record<number, { title: string; advice: string[] }> = {
  400: { title: 'There is a problem with your request', advice: ['Go back and check what you entered.'] },
  401: { title: 'You could not be signed in', advice: [] },
  403: { title: 'You do not have access to this page', advice: ['If you think you should, ask your information governance lead.'] },
  404: { title: 'Page not found', advice: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'] },
  413: { title: 'The file is too large', advice: [] },
  429: { title: 'Too many attempts', advice: [] },
  500: { title: 'Sorry, there is a problem with the service', advice: ['Try again later.'] },
  503: { title: 'Sorry, the service is unavailable', advice: ['Try again later.'] },
};

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const localPath = (request: FastifyRequest) => (request.method === 'GET' ? request.url : '/');

/** Where a page request is sent instead of an error page (sign in first; state a purpose first). */
function redirectFor(error: HttpError, request: FastifyRequest): string | null {
  const next = encodeURIComponent(localPath(request));
  if (error.code === 'NOT_SIGNED_IN') return `/sign-in?next=${next}`;
  if (error.code === 'SESSION_EXPIRED') return `/sign-in?ended=1&next=${next}`;
  if (error.code === 'PURPOSE_REQUIRED') return `/purpose?next=${next}`;
  return null;
}

/** Answers an HttpError as JSON (API), a redirect, or an error page. */
export function sendError(request: FastifyRequest, reply: FastifyReply, render: PageRenderer, error: HttpError): FastifyReply {
  const issues = error.cause instanceof ZodError
    ? error.cause.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) : undefined;
  if (isApi(request)) {
    return reply.code(error.status).header('cache-control', 'no-store')
      .send({ error: { code: error.code, message: error.message, ...(issues ? { issues } : {}) } });
  }
  const location = redirectFor(error, request);
  if (location) return reply.code(303).header('cache-control', 'no-store').redirect(location, 303);
  const page = titles[error.status] ?? titles[500]!;
  const link = error.code === 'CSRF_INVALID' || error.status === 401 ? { href: '/sign-in', text: 'Go to sign in' } : { href: '/', text: 'Go to the home page' };
  return render(request, reply, 'error', {
    pageTitle: page.title, message: error.message, advice: page.advice, code: error.code, link,
  }, error.status);
}

export function registerErrorPages(app: FastifyInstance, render: PageRenderer): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error);
    if (http.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, render, http);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, render, new HttpError('NOT_FOUND')));
}
