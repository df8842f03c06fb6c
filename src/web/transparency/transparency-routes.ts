/**
 * The public transparency page: the partnership's ATRS Tier 1 record, open to anyone without
 * signing in, as a page (`/transparency`) and as JSON (`/transparency.json`) for the national
 * repository and anyone who wants to reuse it.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { publicRecordSource, type PublicRecordSource } from './public-record.ts';

const NOT_PUBLISHED = 'The partnership has not published its transparency record yet.';

export function registerTransparencyRoutes(app: FastifyInstance, ctx: AppContext, source: PublicRecordSource = publicRecordSource(ctx.store)): void {
  app.get('/transparency', async (request, reply) => {
    const record = await source.get();
    if (!record) return ctx.render(request, reply, 'transparency', { record: null, notPublished: NOT_PUBLISHED }, 404);
    return ctx.render(request, reply, 'transparency', { record });
  });
  app.get('/transparency.json', async (_request, reply) => {
    const record = await source.get();
    reply.header('cache-control', 'public, max-age=60');
    if (!record) return reply.code(404).send({ code: 'TRB_TRANSPARENCY_NOT_PUBLISHED', message: NOT_PUBLISHED });
    return record;
  });
}
