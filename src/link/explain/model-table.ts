/** What a trained model learned, as a plain-text table for the terminal. */
import { levelWeight, priorWeight } from '../predict/model-weights.ts';
import type { TrainedModel } from '../training/model-schema.ts';

const fmt = (x: number | null) => (x === null ? '' : x >= 0.001 || x === 0 ? x.toFixed(4) : x.toExponential(2));

/** Renders λ and every comparison level's m, u and weight. */
export function modelTable(model: TrainedModel): string {
  const rows: string[][] = [['comparison', 'level', 'm', 'u', 'weight', 'm from', 'u from']];
  for (const c of model.comparisons) {
    for (const l of c.levels) {
      rows.push([c.name, l.label, fmt(l.m), fmt(l.u), l.m === null ? '0' : levelWeight(l).toFixed(2), l.m_source, l.u_source]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const head = `prior λ = ${model.prior.lambda.toExponential(3)} (weight ${priorWeight(model.prior.lambda).toFixed(2)}; ${model.prior.deterministic_pairs} deterministic pairs of ${model.prior.total_comparisons} comparisons)`;
  const sessions = model.training.sessions.map((s) => `  session "${s.rule}": ${s.pairs} pairs (sample ${(s.sample_fraction * 100).toFixed(0)}%), ${s.iterations} EM iterations${s.converged ? '' : ' (not converged)'}, fixed: ${s.fixed.join(', ') || 'none'}`);
  return [head, `u from ${model.training.u_pairs} random pairs`, ...sessions, '', line(rows[0]!), ...rows.slice(1).map(line)].join('\n');
}
