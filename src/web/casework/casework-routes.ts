/**
 * The person page's casework forms: a decision, consent, a support plan, an outcome, an allocation.
 * Each is CSRF-protected (the hook), audited (the write), and answers with a redirect back to the
 * person (303) or the page again with the form's errors (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { HttpError } from '../http-error.ts';
import { renderPersonPage } from '../people/person-page.ts';
import { registerTrendChartRoute } from '../people/trend-chart-route.ts';
import { PersonIdSchema } from '../people/person-id.ts';
import { allocate } from './allocation.ts';
import {
  AllocationInputSchema, CaseworkInputError, ConsentInputSchema, DecisionInputSchema, fieldErrors, OutcomeInputSchema, PlanInputSchema,
} from './casework-forms.ts';
import { recordConsent, recordDecision } from './casework-records.ts';
import { recordOutcome, startPlan } from './support-plans.ts';

type Write<T> = (request: FastifyRequest, personId: string, input: T) => Promise<unknown>;

/** The person id of the address, checked. */
export function personIdOf(request: FastifyRequest): string {
  const parsed = PersonIdSchema.safeParse((request.params as { personId?: string }).personId);
  if (!parsed.success) throw new HttpError('PERSON_ID_INVALID');
  return parsed.data;
}

export function registerCaseworkRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerTrendChartRoute(app, ctx);
  const form = <S extends z.ZodType>(path: string, name: string | ((request: FastifyRequest) => string), schema: S, write: Write<z.output<S>>, done: string) => {
    app.post(path, async (request: FastifyRequest, reply: FastifyReply) => {
      const personId = personIdOf(request);
      const formName = typeof name === 'string' ? name : name(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const again = (errors: Record<string, string>) => renderPersonPage(ctx, request, reply, personId, { errors, form: formName, values: body }, 400);
      const parsed = schema.safeParse(body);
      if (!parsed.success) return again(fieldErrors(parsed.error));
      try {
        await write(request, personId, parsed.data);
      } catch (error) {
        if (error instanceof CaseworkInputError) return again({ [error.field]: error.message });
        throw error;
      }
      return reply.redirect(`/people/${encodeURIComponent(personId)}?done=${done}#${formName}`, 303);
    });
  };
  const principal = (request: FastifyRequest) => request.principal!;
  form('/people/:personId/decision', 'decision', DecisionInputSchema,
    (request, personId, input) => recordDecision(ctx.store, principal(request), personId, input), 'decision');
  form('/people/:personId/consent', 'consent', ConsentInputSchema,
    (request, personId, input) => recordConsent(ctx.store, principal(request), personId, input), 'consent');
  form('/people/:personId/plans', 'plan', PlanInputSchema,
    (request, personId, input) => startPlan(ctx.store, principal(request), personId, input), 'plan');
  form('/people/:personId/plans/:planId/outcomes', (request) => `outcome-${(request.params as { planId: string }).planId.replace(/[^0-9]/g, '')}`,
    OutcomeInputSchema,
    (request, personId, input) => recordOutcome(ctx.store, principal(request), personId, (request.params as { planId: string }).planId, input), 'outcome');
  form('/people/:personId/allocation', 'allocation', AllocationInputSchema,
    (request, personId, input) => allocate(ctx.store, principal(request), personId, input), 'allocation');
}
