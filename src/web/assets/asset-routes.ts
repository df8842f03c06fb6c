/**
 * Static assets: the Frontend scripts and icons from node_modules (an allow-list: no GOV.UK crown,
 * crest or typeface files), Tributary's own script and icon, and the combined stylesheet.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { buildFrontendStylesheet } from './frontend-stylesheet.ts';
import { govukDist, mojRoot, publicDir } from './frontend-paths.ts';

const govukAllowed = (path: string) => path === '/govuk-frontend.min.js';
const mojAllowed = (path: string) => path === '/moj-frontend.min.js' || /^\/assets\/images\/icon-[a-z-]+\.svg$/.test(path);

export async function registerAssets(app: FastifyInstance): Promise<void> {
  const common = { maxAge: '1h', immutable: false } as const;
  await app.register(fastifyStatic, {
    root: join(govukDist, 'govuk'), prefix: '/assets/govuk/', allowedPath: govukAllowed, ...common,
  });
  await app.register(fastifyStatic, {
    root: join(mojRoot, 'moj'), prefix: '/assets/moj/', allowedPath: mojAllowed, decorateReply: false, ...common,
  });
  await app.register(fastifyStatic, {
    root: publicDir, prefix: '/assets/tributary/', decorateReply: false, allowedPath: (path) => path !== '/tributary.css', ...common,
  });
  const stylesheet = buildFrontendStylesheet();
  app.get('/assets/tributary/frontend.css', async (request, reply) => {
    reply.header('content-type', 'text/css; charset=utf-8').header('etag', stylesheet.etag)
      .header('cache-control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === stylesheet.etag) return reply.code(304).send();
    return stylesheet.css;
  });
}
