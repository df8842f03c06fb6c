/**
 * The explanation of one stored link: the waterfall of weights (with term-frequency adjustments and
 * its Vega-Lite chart, from the link stage's `explainStoredPair`) when the run's stored model parses
 * as a trained model, and always the stored comparison vector (level per comparison). Shared by the
 * review queue and the person page's linked records.
 */
import { z } from 'zod';
import { explainStoredPair, TrainedModelSchema, waterfall } from '../../link/index.ts';
import type { Store } from '../../store/index.ts';

export const WaterfallStepSchema = z.object({
  column: z.string(), label: z.string(), weight: z.number(), cumulative: z.number(), probability: z.number(),
});
export const ComparisonLevelSchema = z.object({ column: z.string(), level: z.number() });

export interface LinkExplanation {
  waterfall: Array<z.infer<typeof WaterfallStepSchema>> | null;
  comparison: Array<z.infer<typeof ComparisonLevelSchema>>;
  /** The waterfall as a Vega-Lite spec, when there is one. */
  chart?: Record<string, unknown> | null;
}

/**
 * Explains the stored link between two source records: `explainStoredPair` when the run's model
 * explains it, else `explainLink` on what was read (a model that does not parse, or no model).
 */
export async function explainStoredLink(
  store: Store, recordL: number, recordR: number, stored: { model: unknown; comparison: Record<string, number> | null },
): Promise<LinkExplanation & { chart: Record<string, unknown> | null }> {
  const fallback = explainLink(stored.model, stored.comparison);
  const explained = await explainStoredPair(store, recordL, recordR).catch(() => undefined);
  if (!explained) return { ...fallback, chart: null };
  return {
    waterfall: explained.steps.map(({ column, label, weight, cumulative, probability }) => ({ column, label, weight, cumulative, probability })),
    comparison: fallback.comparison, chart: explained.chart as unknown as Record<string, unknown>,
  };
}

/** Explains a stored pair from its run's `model` and its `comparison` vector (either may be missing). */
export function explainLink(model: unknown, comparison: Record<string, number> | null): LinkExplanation {
  const levels = Object.entries(comparison ?? {}).map(([column, level]) => ({ column, level: Number(level) }));
  const trained = TrainedModelSchema.safeParse(model);
  if (!trained.success || !comparison) return { waterfall: null, comparison: levels };
  try {
    const steps = waterfall(trained.data, { gammas: comparison })
      .map(({ column, label, weight, cumulative, probability }) => ({ column, label, weight, cumulative, probability }));
    return { waterfall: steps, comparison: levels };
  } catch {
    return { waterfall: null, comparison: levels };
  }
}
