/**
 * The score trend as an SVG image (`GET /people/:personId/trend.svg`), drawn on the server from the
 * Vega-Lite spec so that it needs no script and the page itself stays fast: the browser fetches it
 * after the page. Objectors have no trend (404), nor does anyone scored fewer than twice.
 */
import type { FastifyInstance } from 'fastify';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { EXCLUDED_PERSONS_SQL } from '../../governance/rights/index.ts';
import type { AppContext } from '../app-context.ts';
import { personIdOf } from '../casework/casework-routes.ts';
import { HttpError } from '../http-error.ts';
import { loadScoreTrend, scoreTrendChart } from './person-trend.ts';

/** Renders a Vega-Lite spec to SVG text. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function registerTrendChartRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/people/:personId/trend.svg', async (request, reply) => {
    const personId = personIdOf(request);
    const [objecting] = await ctx.store.sql.query(`SELECT 1 FROM (${EXCLUDED_PERSONS_SQL}) o WHERE o.person_id = $1`, [personId]);
    const points = objecting ? [] : await loadScoreTrend(ctx.store, personId);
    if (points.length < 2) throw new HttpError('NOT_FOUND');
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(await renderSvg(scoreTrendChart(points)));
  });
}
