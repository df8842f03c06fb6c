/**
 * The explanation of a match: the prior, then each comparison's level with its Bayes factor and
 * weight (including any term-frequency adjustment), and the running total.
 */
import { derivedColumn } from '../levels/level-handler.ts';
import { tfColumnOf } from '../levels/levels.ts';
import { bayesFactor, priorWeight, probabilityOf, tfReferenceU } from '../predict/model-weights.ts';
import type { TrainedModel } from '../training/model-schema.ts';

export interface WaterfallStep {
  readonly column: string;
  readonly label: string;
  readonly bayesFactor: number;
  readonly weight: number;
  readonly cumulative: number;
  /** Match probability after this step. */
  readonly probability: number;
}

/** A scored pair as the waterfall needs it: the level index per comparison and any term frequencies. */
export interface PairVector {
  readonly gammas: Readonly<Record<string, number>>;
  /** `tf[column] = [tf of left value, tf of right value]` for columns with TF adjustments. */
  readonly tf?: Readonly<Record<string, readonly [number | null, number | null]>>;
}

/** The waterfall of weights for one pair; the last step's cumulative is the pair's match weight. */
export function waterfall(model: TrainedModel, pair: PairVector): WaterfallStep[] {
  let cumulative = priorWeight(model.prior.lambda);
  const steps: WaterfallStep[] = [{
    column: 'prior', label: `λ = ${model.prior.lambda.toExponential(3)}`, bayesFactor: 2 ** cumulative,
    weight: cumulative, cumulative, probability: probabilityOf(cumulative),
  }];
  model.spec.comparisons.forEach((comparison, i) => {
    const params = model.comparisons[i]!;
    const g = pair.gammas[comparison.name] ?? 0;
    const levelParams = params.levels[g]!;
    let bf = bayesFactor(levelParams);
    const level = comparison.levels[g]!;
    const tfColumn = tfColumnOf(level);
    let label = levelParams.label;
    const tfPair = tfColumn ? pair.tf?.[tfColumn] : undefined;
    if (tfColumn && tfPair && 'tf_adjustment' in level && level.tf_adjustment) {
      const tf = Math.max(tfPair[0] ?? 0, tfPair[1] ?? 0);
      if (tf > 0) {
        bf *= (tfReferenceU(comparison, params, g, tfColumn) / tf) ** level.tf_adjustment.weight;
        label = `${label} (value frequency ${tf.toPrecision(2)})`;
      }
    }
    const weight = Math.log2(bf);
    cumulative += weight;
    steps.push({ column: comparison.name, label, bayesFactor: bf, weight, cumulative, probability: probabilityOf(cumulative) });
  });
  return steps;
}

/** The pair columns holding term frequencies (`given_name__tf`), by column. */
export function tfColumnsOf(model: TrainedModel): string[] {
  return [...new Set(model.spec.comparisons.flatMap((c) => c.levels.map(tfColumnOf).filter((x): x is string => !!x)))]
    .map((c) => derivedColumn.tf(c));
}
