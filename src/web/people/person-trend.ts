/**
 * A person's score over time: the latest approved score at each as-of date in `scores`, as rows for
 * the page's table and as a Vega-Lite spec (`charts/score-trend.vl.json` filled with the rows) for the API.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Store } from '../../store/index.ts';

export const TrendPointSchema = z.object({ asOf: z.string(), probability: z.number(), modelVersionId: z.string() });
export type TrendPoint = z.infer<typeof TrendPointSchema>;

const spec = JSON.parse(readFileSync(new URL('./charts/score-trend.vl.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The trend, oldest first. */
export async function loadScoreTrend(store: Store, personId: string): Promise<TrendPoint[]> {
  const rows = await store.sql.query<{ as_of: string; probability: number; model_version_id: string }>(
    `SELECT DISTINCT ON (sc.as_of) sc.as_of::text AS as_of, sc.probability, sc.model_version_id
       FROM scores sc JOIN model_versions mv ON mv.id = sc.model_version_id AND mv.status = 'approved'
      WHERE sc.person_id = $1 ORDER BY sc.as_of, sc.scored_at DESC`, [personId]);
  return rows.map((r) => ({ asOf: r.as_of, probability: Number(r.probability), modelVersionId: r.model_version_id }));
}

/** The Vega-Lite spec of the trend. */
export function scoreTrendChart(points: readonly TrendPoint[]): Record<string, unknown> {
  return { ...spec, data: { values: points } };
}
