/**
 * Prediction as SQL steps: candidate pairs from the prediction blocking rules, their comparison
 * vectors, match weight and probability; pairs below the review floor are dropped, except pairs
 * of records that both have relations (in the `relations` table: `from_rid` related to `to_rid`),
 * whom relationship context may still join (cluster/relation-context.ts).
 */
import { blockedPairsSql, withPairColumns } from '../blocking/blocked-pairs-sql.ts';
import { pairContext } from '../levels/level-handler.ts';
import type { RunContext } from '../run-context.ts';
import type { SqlStep } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { comparisonVectorSql, gammaColumn } from './comparison-vector-sql.ts';
import { matchWeightSql, tfPairColumns } from './match-weight-sql.ts';
import { weightOf } from './model-weights.ts';

/** The step that writes the candidate pairs' record ids (and the rule that found each) to `candidates`. */
export function candidatePairsStep(ctx: RunContext): SqlStep {
  const { spec } = ctx;
  return {
    name: 'block candidate pairs',
    output: ctx.names.candidates,
    sql: blockedPairsSql({ records: ctx.names.records, rules: spec.blocking_rules, keys: ctx.keys, linkType: spec.link_type, columns: [] }),
  };
}

/**
 * The steps that score every candidate pair into the `scored` table: the pairs of the table
 * `candidates` (record ids, made by `candidatePairsStep`) when given, else blocked afresh.
 */
export function predictionSteps(ctx: RunContext, model: TrainedModel, candidates?: string, relations?: string): SqlStep[] {
  const { spec } = model;
  const pairs = candidates
    ? withPairColumns(quoteIdent(candidates), ctx.names.records, ctx.shape.pairColumns)
    : blockedPairsSql({ records: ctx.names.records, rules: spec.blocking_rules, keys: ctx.keys, linkType: spec.link_type, columns: ctx.shape.pairColumns });
  const keep = ['__rid_l', '__rid_r', '__rule', ...tfPairColumns(spec)];
  const vectors = comparisonVectorSql(pairs, spec.comparisons, pairContext(ctx.dialect), keep);
  const gammas = spec.comparisons.map((c) => quoteIdent(gammaColumn(c))).join(', ');
  const floor = spec.thresholds.review_floor;
  const withRelations = (side: string) => `${side} IN (SELECT from_rid FROM ${quoteIdent(relations ?? '')} UNION SELECT to_rid FROM ${quoteIdent(relations ?? '')})`;
  const where = floor <= 0 ? '' : relations
    ? `WHERE match_weight >= $floor_weight OR (${withRelations('__rid_l')} AND ${withRelations('__rid_r')})`
    : 'WHERE match_weight >= $floor_weight';
  return [{
    name: 'score candidate pairs',
    output: ctx.names.scored,
    sql: `SELECT __rid_l, __rid_r, __rule, ${gammas}, match_weight, 1 / (1 + pow(2, -match_weight)) AS match_probability
FROM (SELECT *, ${matchWeightSql(model, ctx.dialect)} AS match_weight FROM (
${vectors}
) AS vectors) AS weighted
${where}`,
    params: floor > 0 ? { floor_weight: weightOf(floor) } : {},
  }];
}
