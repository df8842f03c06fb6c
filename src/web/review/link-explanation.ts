/**
 * The explanation of one stored link: the waterfall of weights when the run's stored model parses
 * as a trained model, and always the stored comparison vector (level per comparison). Shared by the
 * review queue and the person page's linked records.
 */
import { z } from 'zod';
import { TrainedModelSchema, waterfall } from '../../link/index.ts';

export const WaterfallStepSchema = z.object({
  column: z.string(), label: z.string(), weight: z.number(), cumulative: z.number(), probability: z.number(),
});
export const ComparisonLevelSchema = z.object({ column: z.string(), level: z.number() });

export interface LinkExplanation {
  waterfall: Array<z.infer<typeof WaterfallStepSchema>> | null;
  comparison: Array<z.infer<typeof ComparisonLevelSchema>>;
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
