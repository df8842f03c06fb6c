/**
 * A hand-made trained linkage model over the default spec (names, date of birth, postcode, UPN),
 * for the tests that need a run whose model explains its links: m falls and u rises level by level.
 */
import { defaultSpec, levelLabel, specHash, TrainedModelSchema, type TrainedModel } from '../../../src/link/index.ts';

export function trainedModel(): TrainedModel {
  const spec = defaultSpec('link_and_dedupe', ['given_name', 'family_name', 'dob', 'postcode', 'upn']);
  return TrainedModelSchema.parse({
    format: 'tributary.link-model', model_version: 1, spec, spec_hash: specHash(spec), seed: 1,
    prior: { lambda: 0.001, deterministic_pairs: 10, total_comparisons: 10_000 },
    comparisons: spec.comparisons.map((comparison) => ({
      name: comparison.name,
      levels: comparison.levels.map((level, i) => ({
        label: levelLabel(level), kind: level.kind,
        m: i === 0 ? null : Math.max(0.01, 0.9 / i), u: i === 0 ? null : Math.min(0.99, 0.001 * i * i),
        m_source: i === 0 ? 'none' : 'em', u_source: i === 0 ? 'none' : 'random_sample',
      })),
    })),
    training: { u_pairs: 1000, sessions: [] }, warnings: [],
  });
}
