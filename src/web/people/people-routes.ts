/** The purpose page, the person page and reporting a data error on one of their records. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isPseudonymised } from '../access/scope.ts';
import type { AppContext } from '../app-context.ts';
import { safeNext } from '../auth/signed-in-session.ts';
import { chainAuditSink, purposeLabels, type Purpose } from '../../governance/index.ts';
import { raiseDispute, RightsError } from '../../governance/rights/index.ts';
import { HttpError } from '../http-error.ts';
import { PersonIdSchema } from './person-id.ts';
import { viewPerson } from './person-view.ts';
import { purposeOptions, statePurpose } from './purpose-statement.ts';

const DisputeForm = z.object({
  sourceRecordId: z.coerce.number().int().positive().optional().catch(undefined), reason: z.string().trim().max(2000).default(''),
});
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

  const personPage = async (request: FastifyRequest, reply: FastifyReply, personId: string, extra: Record<string, unknown> = {}, status = 200) => {
    const person = await viewPerson(ctx.store, request.principal!, request.session!.purpose!, personId, {
      pseudonymised: isPseudonymised(request), pseudonymKey: ctx.settings.pseudonymKey,
    });
    return ctx.render(request, reply, 'person', {
      person, purposeName: purposeLabels[person.purpose as Purpose]?.name ?? person.purpose,
      canReport: !person.pseudonymised, ...extra,
    }, status);
  };

  app.get('/people/:personId', async (request, reply) => {
    const { personId } = request.params as { personId: string };
    return personPage(request, reply, personId, { reported: (request.query as Record<string, unknown>).reported === '1' });
  });

  app.post('/people/:personId/dispute', async (request, reply) => {
    const parsed = PersonIdSchema.safeParse((request.params as { personId: string }).personId);
    if (!parsed.success) throw new HttpError('PERSON_ID_INVALID');
    const personId = parsed.data;
    const form = DisputeForm.parse(request.body ?? {});
    const [owned] = form.sourceRecordId ? await ctx.store.sql.query<{ person_id: string }>(
      'SELECT person_id FROM person_records WHERE source_record_id = $1 AND person_id = $2', [form.sourceRecordId, personId]) : [];
    if (!owned || !form.reason) {
      return personPage(request, reply, personId, { reasonError: owned ? 'Say what is wrong with the record' : 'Select one of this young person’s records' }, 400);
    }
    try {
      await raiseDispute(ctx.store, {
        sourceRecordId: form.sourceRecordId!, reason: form.reason, by: request.principal!.username, role: request.principal!.role,
      }, chainAuditSink(ctx.store));
    } catch (error) {
      if (!(error instanceof RightsError)) throw error;
      return personPage(request, reply, personId, { reasonError: 'That record has already been reported' }, 400);
    }
    return reply.redirect(`/people/${encodeURIComponent(personId)}?reported=1`, 303);
  });
}
