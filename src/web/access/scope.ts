/** What a handler needs from the grant: whether lists are limited to the user's agency or team. */
import type { FastifyRequest } from 'fastify';

/**
 * The agency the request is limited to: the user's (null when they have none) under `own_agency`,
 * `undefined` when the grant covers the whole partnership.
 */
export function agencyScope(request: FastifyRequest): string | null | undefined {
  if (!request.access?.conditions.has('own_agency')) return undefined;
  return request.principal?.agencyId ?? null;
}

/** True when the grant shows people only by pseudonym. */
export function isPseudonymised(request: FastifyRequest): boolean {
  return request.access?.conditions.has('pseudonymised') ?? false;
}
