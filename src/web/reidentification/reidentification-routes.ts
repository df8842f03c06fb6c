/**
 * The re-identification pages: a practitioner asks, from a person's page, the agency that holds
 * one of their records who the person is (purpose and lawful reason required); the agency's
 * uploader answers or refuses from the list of their agency's pending requests. Forms are
 * CSRF-protected (the hook); every write and every opened answer is audited (the hub stage).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  answerReidentification, refuseReidentification, requestReidentification, ReidentificationAnswerSchema,
  ReidentificationRefusalSchema, ReidentificationRequestSchema,
} from '../../pprl/hub/index.ts';
import { purposeLabels, type Purpose } from '../../governance/purposes.ts';
import type { AppContext } from '../app-context.ts';
import { personIdOf } from '../casework/casework-routes.ts';
import { agencyActor, agencyRequests, httpErrorOf, personRequests, requestIdOf } from './reidentification-data.ts';
import { specialKeyFor } from './reidentification-key.ts';

type Errors = Record<string, string>;
const errorsOf = (error: z.ZodError): Errors => Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));
const PURPOSES: Purpose[] = ['early_help', 'safeguarding', 'prevention'];

export function registerReidentificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const personPage = async (request: FastifyRequest, reply: FastifyReply, extra: { errors?: Errors; values?: Record<string, unknown> } = {}, status = 200) => {
    const personId = personIdOf(request);
    const data = await personRequests(ctx.store, specialKeyFor(ctx.settings, request.log), request.principal!, personId);
    const done = (request.query as { done?: string }).done === 'requested';
    return ctx.render(request, reply, 'reidentification-person', {
      ...data, done, errors: extra.errors ?? null, values: extra.values ?? {},
      purposes: PURPOSES.map((p) => ({ value: p, text: purposeLabels[p].name })), hasErrors: Boolean(extra.errors),
    }, status);
  };
  app.get('/people/:personId/reidentification', (request, reply) => personPage(request, reply));
  app.post('/people/:personId/reidentification', async (request, reply) => {
    const personId = personIdOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = ReidentificationRequestSchema.safeParse(body);
    if (!parsed.success) return personPage(request, reply, { errors: errorsOf(parsed.error), values: body }, 400);
    try {
      await requestReidentification(ctx.store, request.principal!, personId, parsed.data);
    } catch (error) {
      const mapped = httpErrorOf(error);
      if (mapped !== error && (mapped as { status?: number }).status === 400) {
        return personPage(request, reply, { errors: { agencyId: (error as Error).message }, values: body }, 400);
      }
      throw mapped;
    }
    return reply.redirect(`/people/${encodeURIComponent(personId)}/reidentification?done=requested`, 303);
  });

  const agencyPage = async (request: FastifyRequest, reply: FastifyReply, extra: { errors?: Errors; formId?: number; done?: string } = {}, status = 200) => {
    const data = await agencyRequests(ctx.store, request.principal!);
    const done = extra.done ?? (request.query as { done?: string }).done;
    return ctx.render(request, reply, 'reidentification-agency', {
      ...data, errors: extra.errors ?? null, formId: extra.formId ?? null, hasErrors: Boolean(extra.errors),
      done: done === 'answered' || done === 'refused' ? done : null,
    }, status);
  };
  app.get('/reidentification', (request, reply) => agencyPage(request, reply));
  const close = (path: string, kind: 'answered' | 'refused') => app.post(path, async (request, reply) => {
    const requestId = requestIdOf(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const actor = agencyActor(request.principal!);
    try {
      if (kind === 'answered') {
        const parsed = ReidentificationAnswerSchema.safeParse(body);
        if (!parsed.success) return agencyPage(request, reply, { errors: errorsOf(parsed.error), formId: requestId }, 400);
        await answerReidentification(ctx.store, specialKeyFor(ctx.settings, request.log)(), actor, requestId, parsed.data);
      } else {
        const parsed = ReidentificationRefusalSchema.safeParse(body);
        if (!parsed.success) return agencyPage(request, reply, { errors: errorsOf(parsed.error), formId: requestId }, 400);
        await refuseReidentification(ctx.store, actor, requestId, parsed.data.refusal);
      }
    } catch (error) {
      throw httpErrorOf(error);
    }
    return reply.redirect(`/reidentification?done=${kind}`, 303);
  });
  close('/reidentification/:requestId/answer', 'answered');
  close('/reidentification/:requestId/refuse', 'refused');
}
