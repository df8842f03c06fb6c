/**
 * Training without labels: u by random sampling, λ from deterministic rules, m by EM over the
 * training sessions. Deterministic for a seed (sampling is by seeded hash, never by chance).
 */
import { levelLabel } from '../levels/levels.ts';
import type { RunContext } from '../run-context.ts';
import { specHash } from '../spec/spec-io.ts';
import { defaultM } from './default-parameters.ts';
import { runSessions } from './em-sessions.ts';
import { MODEL_FORMAT, type TrainedModel } from './model-schema.ts';
import { estimatePrior } from './prior-estimate.ts';
import { estimateU } from './u-sampling.ts';

/** Trains a model on the prepared records of the run. */
export async function trainModel(ctx: RunContext, sourceSizes: readonly number[]): Promise<TrainedModel> {
  const { spec } = ctx;
  ctx.onProgress?.({ step: 'estimating u by random sampling', done: 0, total: 1 });
  const u = await estimateU(ctx, sourceSizes);
  ctx.onProgress?.({ step: 'estimating the prior from deterministic rules', done: 0, total: 1 });
  const prior = await estimatePrior(ctx, sourceSizes);
  const start = { m: spec.comparisons.map(defaultM), u: u.u, lambda: prior.lambda, total: prior.totalComparisons };
  const sessions = await runSessions(ctx, start);
  return {
    format: MODEL_FORMAT,
    model_version: 1,
    spec,
    spec_hash: specHash(spec),
    seed: ctx.seed,
    prior: { lambda: prior.lambda, deterministic_pairs: prior.deterministicPairs, total_comparisons: prior.totalComparisons },
    comparisons: spec.comparisons.map((comparison, i) => ({
      name: comparison.name,
      levels: comparison.levels.map((level, g) => ({
        label: levelLabel(level),
        kind: level.kind,
        m: level.kind === 'null' ? null : sessions.estimated[i]![g] ? sessions.m[i]![g]! : Math.min(sessions.m[i]![g]!, u.u[i]![g]!),
        u: level.kind === 'null' ? null : u.u[i]![g]!,
        m_source: level.kind === 'null' ? 'none' : sessions.estimated[i]![g] ? 'em' : 'default',
        u_source: u.sources[i]![g]!,
      })),
    })),
    training: { u_pairs: u.pairs, sessions: sessions.sessions },
    warnings: [...u.warnings, ...sessions.warnings],
  };
}
