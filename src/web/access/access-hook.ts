/**
 * Enforces the access matrix on every request: finds the route's rule (a route missing from the
 * matrix is refused), requires sign-in, refuses roles without a grant, requires a stated purpose,
 * and checks that a team or agency named in the address is the user's own. Refusals by a signed-in
 * user are audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit, findAccessRule, grantFor, isKnownPurpose, type Condition } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import { agencyOwners, teamOwners } from './scope-resolvers.ts';

export function registerAccessHook(app: FastifyInstance, store: Store): void {
  app.decorateRequest('access', null);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) return; // no such route: the not-found handler answers
    await refuseUnknownPurpose(request, store);
    const rule = findAccessRule(request.method, url);
    if (!rule) throw new HttpError('ROUTE_NOT_IN_MATRIX');
    if (rule.public) {
      request.access = { rule, conditions: new Set() };
      return;
    }
    const { principal } = request;
    if (!principal) throw new HttpError(request.sessionEnded ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN');
    const grant = grantFor(rule, principal.role);
    if (!grant) return refuse(request, store, 'FORBIDDEN');
    request.access = { rule, conditions: new Set<Condition>(grant) };
    if (grant.includes('purpose') && !request.session?.purpose) throw new HttpError('PURPOSE_REQUIRED');
    if (grant.includes('own_agency')) await checkOwner(request, store, agencyOwners, principal.agencyId, 'NOT_YOUR_AGENCY');
    if (grant.includes('own_team')) await checkOwner(request, store, teamOwners, principal.teamId, 'NOT_YOUR_TEAM');
  });
}

async function checkOwner(
  request: FastifyRequest, store: Store, resolvers: typeof agencyOwners, own: string | null,
  code: 'NOT_YOUR_AGENCY' | 'NOT_YOUR_TEAM',
): Promise<void> {
  const params = request.params as Record<string, string>;
  const owners: Record<string, string> = { ...request.access?.owners };
  for (const [name, resolve] of Object.entries(resolvers)) {
    const value = params[name];
    if (value === undefined) continue;
    const owner = await resolve(store, value);
    if (owner === undefined) throw new HttpError('NOT_FOUND');
    if (owner !== own) await refuse(request, store, code);
    owners[name] = owner;
  }
  if (request.access) request.access = { ...request.access, owners };
}

/** A request stating a purpose no agreement can name (enforcement, investigation…) is refused and audited. */
async function refuseUnknownPurpose(request: FastifyRequest, store: Store): Promise<void> {
  const stated = (request.query as Record<string, unknown> | undefined)?.purpose;
  if (stated === undefined || isKnownPurpose(stated)) return;
  await appendAudit(store, {
    actor: request.principal?.username ?? 'anonymous', role: request.principal?.role ?? null,
    action: 'purpose.refused', details: { route: request.routeOptions.url ?? null },
  });
  throw new HttpError('PURPOSE_NOT_ALLOWED');
}

async function refuse(request: FastifyRequest, store: Store, code: 'FORBIDDEN' | 'NOT_YOUR_AGENCY' | 'NOT_YOUR_TEAM'): Promise<never> {
  await appendAudit(store, {
    actor: request.principal?.username ?? 'anonymous', role: request.principal?.role ?? null,
    action: 'access.refused', details: { method: request.method, route: request.routeOptions.url ?? null, code },
  });
  throw new HttpError(code);
}
