/** Server-side rendering with Nunjucks: the GOV.UK and MoJ Frontend macros, and one page helper. */
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { roleLabels } from '../governance/index.ts';
import { govukDist, mojRoot, viewsDir } from './assets/frontend-paths.ts';
import { cacheComponents } from './component-cache.ts';
import { navigationItems } from './navigation.ts';
import type { WebSettings } from './settings.ts';

export type PageRenderer = (
  request: FastifyRequest, reply: FastifyReply, template: string, data?: Record<string, unknown>, status?: number,
) => FastifyReply;

export async function registerViews(app: FastifyInstance): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [viewsDir, govukDist, mojRoot],
    production: true,
    // Templates are compiled once (production) in one environment; the components' HTML is kept by parameters.
    options: { autoescape: true, throwOnUndefined: false, onConfigure: (env: nunjucks.Environment) => { cacheComponents(env); } },
  });
}

/** Renders `views/pages/<template>.njk` with what every page needs: header, navigation, CSRF token. */
export function createPageRenderer(settings: WebSettings): PageRenderer {
  return (request, reply, template, data = {}, status = 200) => {
    const { principal } = request;
    const path = request.url.split('?')[0] ?? '/';
    reply.code(status).header('cache-control', 'no-store');
    void reply.view(`pages/${template}.njk`, {
      partnershipName: settings.partnershipName,
      principal,
      roleName: principal ? roleLabels[principal.role].name : null,
      navigation: principal ? navigationItems(principal.role, path) : [],
      csrfToken: request.session?.csrfToken ?? '',
      purpose: request.session?.purpose ?? null,
      ...data,
    });
    return reply;
  };
}
