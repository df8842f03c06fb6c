/**
 * The links between a person's own records: for each stored pair (the latest run's), its match
 * probability and weight and the explanation — the waterfall of weights (and its Vega-Lite chart),
 * or the comparison vector — and whether the pair is below the run's match threshold on its own
 * (its records are one person through other links, or relationship context: docs/linkage.md).
 */
import { z } from 'zod';
import type { Store } from '../../store/index.ts';
import { ComparisonLevelSchema, explainStoredLink, WaterfallStepSchema } from '../review/link-explanation.ts';

export const PersonLinkSchema = z.object({
  left: z.number(), right: z.number(), matchProbability: z.number(), matchWeight: z.number(),
  belowThreshold: z.boolean().describe('the pair alone is below the run’s match threshold: other links, or both records named on one person’s records, make them one person'),
  threshold: z.number().describe('the run’s match threshold (probability)'),
  waterfall: z.array(WaterfallStepSchema).nullable(), comparison: z.array(ComparisonLevelSchema),
  chart: z.record(z.string(), z.unknown()).nullable().describe('the waterfall as a Vega-Lite spec, when there is one'),
});
export type PersonLink = z.infer<typeof PersonLinkSchema>;

export async function loadPersonLinks(store: Store, personId: string): Promise<PersonLink[]> {
  const rows = await store.sql.query<{ record_l: number | string; record_r: number | string; match_probability: number; match_weight: number; comparison: Record<string, number> | null; model: unknown; threshold: number }>(
    `WITH mine AS (SELECT source_record_id AS id FROM person_records WHERE person_id = $1)
     SELECT DISTINCT ON (rl.record_l, rl.record_r) rl.record_l, rl.record_r, rl.match_probability, rl.match_weight, rl.comparison, lr.model, lr.threshold
       FROM record_links rl JOIN link_runs lr ON lr.id = rl.run_id
      WHERE rl.record_l IN (SELECT id FROM mine) AND rl.record_r IN (SELECT id FROM mine)
      ORDER BY rl.record_l, rl.record_r, rl.run_id DESC`, [personId]);
  const links: PersonLink[] = [];
  for (const row of rows) {
    const [left, right] = [Number(row.record_l), Number(row.record_r)];
    links.push({
      left, right, matchProbability: Number(row.match_probability), matchWeight: Number(row.match_weight),
      belowThreshold: Number(row.match_probability) < Number(row.threshold), threshold: Number(row.threshold),
      ...(await explainStoredLink(store, left, right, row)),
    });
  }
  return links;
}
