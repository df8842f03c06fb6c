/** GET /health: the service is up and its database answers. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.ts';

export function registerHealthRoute(app: FastifyInstance, store: Store): void {
  app.get('/health', async (request, reply) => {
    try {
      await store.sql.query('SELECT 1');
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unavailable');
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'error', database: 'unavailable' });
    }
  });
}
