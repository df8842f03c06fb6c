/** The home page (one per role) and the accessibility statement. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { homeData } from './home-data.ts';

export function registerHomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', async (request, reply) => {
    const data = await homeData(ctx.store, request.principal!);
    return ctx.render(request, reply, 'home', {
      rolePurpose: data.user.rolePurpose, teamName: data.user.team?.name, agencyName: data.user.agency?.name,
      sections: data.sections,
    });
  });
  app.get('/accessibility', async (request, reply) => ctx.render(request, reply, 'accessibility'));
}
