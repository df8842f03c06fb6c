/**
 * The request logger: pino, with cookies, authorisation, CSRF tokens and bodies redacted, and URLs
 * logged without their query string, so neither credentials nor personal data reach the logs.
 */
import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream } from 'pino';

export const redactedPaths = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]', 'req.body', 'body', 'password', '*.password', '_csrf', '*._csrf',
];

/** A pino logger for the app; `destination` defaults to stdout (tests pass a stream to inspect). */
export function createLogger(level: string, destination?: DestinationStream): FastifyBaseLogger {
  return pino({
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; routeOptions?: { url?: string }; ip?: string }) => ({
        method: request.method,
        url: request.url.split('?')[0],
        route: request.routeOptions?.url,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  }, destination ?? pino.destination(1));
}
