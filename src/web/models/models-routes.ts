/**
 * The Models section: the versions with their status, one version's evaluation, fairness audit and
 * model card, and — for the governance lead — the approve and retire forms. The work is done by the
 * score stage's version service (`src/score/versions`), which also audits it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { approveVersion, ModelVersionError, rescoreLatest, retireVersion } from '../../score/index.ts';
import type { AppContext } from '../app-context.ts';
import { loadModels, loadModelVersion } from './models-data.ts';
import { responseField, shapeRows, summaryRows, versionCharts } from './version-page.ts';

const Params = z.object({ modelVersionId: z.string().min(1).max(100) });
const Notice = z.object({ approved: z.string().optional(), retired: z.string().optional(), rescored: z.coerce.number().int().min(-1).optional() });
const text = z.string().max(5000).optional().catch(undefined).transform((s) => s ?? '');

interface FormState {
  errors?: Array<{ text: string; href: string }>;
  values?: Record<string, string>;
  status?: number;
}

export function registerModelRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/models', async (request, reply) => {
    const { versions } = await loadModels(ctx.store);
    return ctx.render(request, reply, 'models', { pageTitle: 'Models', versions });
  });

  const versionPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState = {}) => {
    const view = await loadModelVersion(ctx.store, id);
    const notice = Notice.catch({}).parse(request.query ?? {});
    return ctx.render(request, reply, 'model-version', {
      pageTitle: `Model version ${view.version.id}`, ...view, charts: await versionCharts(view),
      mayDecide: request.principal?.role === 'ig_lead',
      responseFields: view.flags.map((_, i) => responseField(i)), summaryRows: summaryRows(view), shapeRows: shapeRows(view),
      errors: form.errors ?? [], errorFor: Object.fromEntries((form.errors ?? []).map((e) => [e.href.slice(1), e.text])),
      values: form.values ?? {}, notice,
    }, form.status ?? 200);
  };

  app.get('/models/:modelVersionId', async (request, reply) => versionPage(request, reply, Params.parse(request.params).modelVersionId));

  app.post('/models/:modelVersionId/approve', async (request, reply) => {
    const { modelVersionId } = Params.parse(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { flags } = await loadModelVersion(ctx.store, modelVersionId);
    const values: Record<string, string> = { justification: text.parse(body.justification) };
    const responses: Record<string, string> = {};
    flags.forEach((flag, i) => {
      values[responseField(i)] = text.parse(body[responseField(i)]);
      if (values[responseField(i)]!.trim()) responses[flag.key] = values[responseField(i)]!;
    });
    const principal = request.principal!;
    try {
      await approveVersion(ctx.store, {
        versionId: modelVersionId, actor: { username: principal.username, role: principal.role }, justification: values.justification!, responses,
      });
    } catch (error) {
      if (!(error instanceof ModelVersionError)) throw error;
      const errors = error.code === 'MODEL_FLAGS_UNANSWERED' || error.code === 'MODEL_JUSTIFICATION_REQUIRED'
        ? [
          ...(values.justification!.trim() ? [] : [{ text: 'Enter a justification: why this version may score people', href: '#justification' }]),
          ...flags.flatMap((flag, i) => (responses[flag.key] ? [] : [{ text: `Enter a response to the flag: ${flag.text}`, href: `#${responseField(i)}` }])),
        ]
        : [{ text: error.message, href: '#approve' }];
      return versionPage(request, reply, modelVersionId, { errors, values, status: error.status === 403 ? 403 : error.status === 409 ? 409 : 400 });
    }
    // The approval stands even if scoring fails (say, a version fitted on other columns than the factor table's): the notice says so.
    const rescored = await rescoreLatest(ctx.store, modelVersionId, principal.username).catch((error: unknown) => {
      request.log.error({ err: error, modelVersionId }, 'scoring with the newly approved version failed');
      return -1;
    });
    return reply.redirect(`/models/${encodeURIComponent(modelVersionId)}?approved=1${rescored === null ? '' : `&rescored=${rescored}`}`, 303);
  });

  app.post('/models/:modelVersionId/retire', async (request, reply) => {
    const { modelVersionId } = Params.parse(request.params);
    const reason = text.parse(((request.body ?? {}) as Record<string, unknown>).reason);
    const principal = request.principal!;
    try {
      await retireVersion(ctx.store, { versionId: modelVersionId, actor: { username: principal.username, role: principal.role }, reason });
    } catch (error) {
      if (!(error instanceof ModelVersionError)) throw error;
      const errors = [{ text: error.code === 'MODEL_REASON_REQUIRED' ? 'Enter a reason for retiring this version' : error.message, href: '#reason' }];
      return versionPage(request, reply, modelVersionId, { errors, values: { reason }, status: error.status });
    }
    return reply.redirect(`/models/${encodeURIComponent(modelVersionId)}?retired=1`, 303);
  });
}
