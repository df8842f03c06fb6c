/** The review queue for analysts: the open pairs, one pair side by side, and the decision form. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { decideReviewItem, decisionLabels, DECISIONS, loadReviewItem, loadReviewQueue } from './review-data.ts';

const DecisionForm = z.object({ decision: z.enum(DECISIONS).optional().catch(undefined) });

export function registerReviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/review', async (request, reply) => {
    const queue = await loadReviewQueue(ctx.store);
    return ctx.render(request, reply, 'review-queue', { queue, decided: (request.query as Record<string, unknown>).decided === '1' });
  });

  const itemPage = async (request: Parameters<typeof ctx.render>[0], reply: Parameters<typeof ctx.render>[1], id: string, error?: string) => {
    const item = await loadReviewItem(ctx.store, id);
    return ctx.render(request, reply, 'review-item', {
      item, error, statusLabel: item.status === 'open' ? 'Open' : decisionLabels[item.status],
      decisionItems: DECISIONS.map((value) => ({ value, text: decisionLabels[value] })),
    }, error ? 400 : 200);
  };

  app.get('/review/:reviewItemId', async (request, reply) =>
    itemPage(request, reply, (request.params as { reviewItemId: string }).reviewItemId));

  app.post('/review/:reviewItemId', async (request, reply) => {
    const { reviewItemId } = request.params as { reviewItemId: string };
    const form = DecisionForm.parse(request.body ?? {});
    if (!form.decision) return itemPage(request, reply, reviewItemId, 'Select whether the two records are the same person');
    await decideReviewItem(ctx.store, request.principal!, reviewItemId, form.decision);
    return reply.redirect('/review?decided=1', 303);
  });
}
