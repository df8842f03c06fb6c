/** The purpose page, the person page and reporting a data error on one of their records. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { safeNext } from '../auth/signed-in-session.ts';
import { chainAuditSink } from '../../governance/index.ts';
import { raiseDispute, RightsError } from '../../governance/rights/index.ts';
import { HttpError } from '../http-error.ts';
import { PersonIdSchema } from './person-id.ts';
import { renderPersonPage } from './person-page.ts';
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

  app.get('/people/:personId', async (request, reply) => {
    const { personId } = request.params as { personId: string };
    const query = request.query as Record<string, unknown>;
    const done = query.reported === '1' ? 'reported' : typeof query.done === 'string' ? query.done : undefined;
    return renderPersonPage(ctx, request, reply, personId, { done });
  });

  app.post('/people/:personId/dispute', async (request, reply) => {
    const parsed = PersonIdSchema.safeParse((request.params as { personId: string }).personId);
    if (!parsed.success) throw new HttpError('PERSON_ID_INVALID');
    const personId = parsed.data;
    const form = DisputeForm.parse(request.body ?? {});
    const [owned] = form.sourceRecordId ? await ctx.store.sql.query<{ person_id: string }>(
      'SELECT person_id FROM person_records WHERE source_record_id = $1 AND person_id = $2', [form.sourceRecordId, personId]) : [];
    const again = (message: string) => renderPersonPage(ctx, request, reply, personId, { errors: { reason: message }, form: 'dispute', values: form }, 400);
    if (!owned || !form.reason) return again(owned ? 'Say what is wrong with the record' : 'Select one of this young person’s records');
    try {
      await raiseDispute(ctx.store, {
        sourceRecordId: form.sourceRecordId!, reason: form.reason, by: request.principal!.username, role: request.principal!.role,
      }, chainAuditSink(ctx.store));
    } catch (error) {
      if (!(error instanceof RightsError)) throw error;
      return again('That record has already been reported');
    }
    return reply.redirect(`/people/${encodeURIComponent(personId)}?reported=1`, 303);
  });
}
