/** Pages for the sections the next phases fill: proper headings, a lead paragraph and a notice. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { placeholders } from './placeholder-data.ts';

export function registerPlaceholderRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const page of placeholders) {
    app.get(page.path, async (request, reply) =>
      ctx.render(request, reply, 'placeholder', { pageTitle: page.title, lead: page.lead, comingText: page.coming }));
  }
}
