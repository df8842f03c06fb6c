import { describe, expect, it } from 'vitest';
import { fitPenalisedLogistic } from './irls-fit.ts';
import { allRows } from './sparse-design.ts';

describe('penalised IRLS', () => {
  it('recovers each cell\'s empirical log-odds in a saturated one-hot model with a negligible penalty', () => {
    // Two cells with 30/100 and 80/100 positives: the fitted logits must be logit(0.3) and logit(0.8).
    const n = 200;
    const cells = Int32Array.from({ length: n }, (_, i) => (i < 100 ? 1 : 2));
    const labels = Uint8Array.from({ length: n }, (_, i) => (i < 100 ? (i < 30 ? 1 : 0) : (i < 180 ? 1 : 0)));
    const penalty = new Float64Array(9);
    penalty[4] = 1e-9;
    penalty[8] = 1e-9;
    const fit = fitPenalisedLogistic({ design: { rows: n, blocks: 1, width: 3, cols: cells, vals: null }, labels, rows: allRows(n), penalty });
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]! + fit.beta[1]!).toBeCloseTo(Math.log(0.3 / 0.7), 6);
    expect(fit.beta[0]! + fit.beta[2]!).toBeCloseTo(Math.log(0.8 / 0.2), 6);
  });

  it('fits a valued (linear) design: a perfectly balanced slope', () => {
    const xs = [-2, -1, 0, 1, 2];
    const rows = xs.flatMap((x) => Array.from({ length: 100 }, (_, k) => ({ x, y: k < 100 / (1 + Math.exp(-x)) ? 1 : 0 })));
    const fit = fitPenalisedLogistic({
      design: { rows: rows.length, blocks: 1, width: 2, cols: new Int32Array(rows.length).fill(1), vals: Float64Array.from(rows, (r) => r.x) },
      labels: Uint8Array.from(rows, (r) => r.y), rows: allRows(rows.length), penalty: new Float64Array(4),
    });
    expect(fit.beta[1]!).toBeGreaterThan(0.8);
    expect(fit.beta[1]!).toBeLessThan(1.2);
  });

  it('reaches the same optimum from a warm start with a stale Hessian', () => {
    const n = 300;
    const cells = Int32Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const labels = Uint8Array.from({ length: n }, (_, i) => ((i * 7) % 5 < 2 ? 1 : 0));
    const penalty = new Float64Array(16);
    for (let k = 1; k < 4; k++) penalty[k * 4 + k] = 0.5;
    const problem = { design: { rows: n, blocks: 1, width: 4, cols: cells, vals: null }, labels, rows: allRows(n), penalty };
    const cold = fitPenalisedLogistic(problem);
    const warm = fitPenalisedLogistic(problem, { start: Float64Array.from([1, -1, 1, -1]), hessian: new Float64Array(16).fill(0).map((_, i) => (i % 5 === 0 ? 20 : 0)) });
    expect(warm.objective).toBeCloseTo(cold.objective, 8);
  });
});
