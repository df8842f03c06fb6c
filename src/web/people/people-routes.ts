/** The purpose page and the person page (a placeholder until the person view lands). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isPseudonymised } from '../access/scope.ts';
import type { AppContext } from '../app-context.ts';
import { safeNext } from '../auth/signed-in-session.ts';
import { viewPerson } from './person-view.ts';
import { purposeOptions, statePurpose } from './purpose-statement.ts';

const PurposeForm = z.object({ purpose: z.string().max(100).default(''), next: z.string().optional() });

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const purposePage = async (request: FastifyRequest, reply: FastifyReply, next: string, error?: string) => {
    const options = await purposeOptions(ctx.store, request.principal!.role);
    const current = request.session?.purpose;
    return ctx.render(request, reply, 'purpose', {
      next, error, hasErrors: Boolean(error),
      options: options.map((o) => ({ value: o.purpose, text: o.name, hint: { text: o.hint }, checked: o.purpose === current })),
    }, error ? 400 : 200);
  };

  app.get('/purpose', async (request, reply) =>
    purposePage(request, reply, safeNext((request.query as Record<string, unknown>).next)));

  app.post('/purpose', async (request, reply) => {
    const form = PurposeForm.parse(request.body ?? {});
    const next = safeNext(form.next);
    if (!form.purpose) return purposePage(request, reply, next, 'Select why you are opening this record');
    await statePurpose(ctx.store, request.principal!, request.session!, form.purpose);
    return reply.redirect(next, 303);
  });

  app.get('/people/:personId', async (request, reply) => {
    const { personId } = request.params as { personId: string };
    await viewPerson(ctx.store, request.principal!, request.session!.purpose!, personId, {
      pseudonymised: isPseudonymised(request), pseudonymKey: ctx.settings.pseudonymKey,
    });
    return ctx.render(request, reply, 'person');
  });
}
