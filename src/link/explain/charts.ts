/**
 * Vega-Lite charts: the specs are JSON files in `../charts/`; these functions fill in the data.
 */
import { readFileSync } from 'node:fs';
import type { TrainedModel } from '../training/model-schema.ts';
import { levelWeight } from '../predict/model-weights.ts';
import type { WaterfallStep } from './waterfall.ts';

export type VegaLiteSpec = Record<string, unknown> & { data: { values: unknown[] } };

function template(name: string): VegaLiteSpec {
  return JSON.parse(readFileSync(new URL(`../charts/${name}.vl.json`, import.meta.url), 'utf8')) as VegaLiteSpec;
}

/** A chart spec with its data filled in. */
export function fillChart(name: 'waterfall' | 'm-u-parameters' | 'match-weights', values: unknown[]): VegaLiteSpec {
  const spec = template(name);
  return { ...spec, data: { values } };
}

/** The waterfall chart of one pair. */
export function waterfallChart(steps: readonly WaterfallStep[]): VegaLiteSpec {
  return fillChart('waterfall', steps.map((s) => ({ ...s, bayes_factor: s.bayesFactor })));
}

/** The m and u probabilities of every level of a model. */
export function mUChart(model: TrainedModel): VegaLiteSpec {
  return fillChart('m-u-parameters', model.comparisons.flatMap((c) => c.levels.filter((l) => l.m !== null).flatMap((l) => [
    { comparison: c.name, label: l.label, parameter: 'm', probability: l.m, source: l.m_source },
    { comparison: c.name, label: l.label, parameter: 'u', probability: l.u, source: l.u_source },
  ])));
}

/** The match weight of every level of a model. */
export function matchWeightsChart(model: TrainedModel): VegaLiteSpec {
  return fillChart('match-weights', model.comparisons.flatMap((c) => c.levels.filter((l) => l.m !== null).map((l) => ({
    comparison: c.name, label: l.label, weight: levelWeight(l), m: l.m, u: l.u,
  }))));
}
