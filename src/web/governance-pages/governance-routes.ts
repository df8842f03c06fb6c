/** The Governance pages: overview, audit search, chain verification, the access matrix and the support catalogue. */
import type { FastifyInstance } from 'fastify';
import { AuditQuerySchema, mayOpen, searchAudit } from '../../governance/index.ts';
import type { AppContext } from '../app-context.ts';
import { catalogueOffers } from '../casework/casework-data.ts';
import { accessMatrixData, auditActions, verifyAndRecord } from './governance-data.ts';

const governancePages = [
  { href: '/governance/audit', text: 'Audit log', description: 'Search who did what, when, and for which purpose.' },
  { href: '/governance/audit/verify', text: 'Verify the audit log', description: 'Recompute the hash chain and find any entry that was changed or removed.' },
  { href: '/governance/access', text: 'Access matrix', description: 'Every page and API endpoint, and which roles may use it under which conditions.' },
  { href: '/governance/support-catalogue', text: 'Support catalogue', description: 'The local support offers each risk factor can lead to.' },
];

export function registerGovernanceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/governance', async (request, reply) => ctx.render(request, reply, 'governance', {
    pageTitle: 'Governance', pages: governancePages.filter((page) => mayOpen(request.principal!.role, page.href)),
  }));

  app.get('/governance/audit', async (request, reply) => {
    const raw = request.query as Record<string, string>;
    const parsed = AuditQuerySchema.safeParse(raw);
    const errors = parsed.success ? [] : parsed.error.issues.map((issue) => ({
      text: issue.message, href: `#${String(issue.path[0] ?? 'actor')}`,
    }));
    const entries = parsed.success ? await searchAudit(ctx.store, parsed.data) : [];
    return ctx.render(request, reply, 'audit', {
      pageTitle: 'Audit log', entries, errors, hasErrors: errors.length > 0, filters: raw,
      fieldErrors: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
      actionItems: [{ value: '', text: 'Any action' }, ...auditActions.map((a) => ({ value: a, text: a, selected: a === raw.action }))],
    }, errors.length ? 400 : 200);
  });

  app.get('/governance/audit/verify', async (request, reply) => ctx.render(request, reply, 'audit-verify', {
    pageTitle: 'Verify the audit log', result: await verifyAndRecord(ctx.store, request.principal!),
  }));

  app.get('/governance/support-catalogue', async (request, reply) => {
    const offers = catalogueOffers();
    const types = [...new Set(offers.map((o) => o.typeLabel))].sort();
    return ctx.render(request, reply, 'governance-support-catalogue', { pageTitle: 'Support catalogue', offers, types });
  });

  app.get('/governance/access', async (request, reply) => ctx.render(request, reply, 'access-matrix', {
    pageTitle: 'Access matrix', matrix: accessMatrixData(),
  }));
}
