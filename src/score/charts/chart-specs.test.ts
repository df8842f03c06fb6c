import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { auditFairness } from '../fairness/fairness-audit.ts';
import { assignGroups } from '../fairness/group-bands.ts';
import { fitAdditiveModel } from '../fit/fit-additive-model.ts';
import { evaluateProbabilities } from '../evaluation/evaluate-scores.ts';
import { syntheticCohort } from '../synthetic/synthetic-cohort.ts';
import { calibrationChart, fairnessRatesChart, groupCalibrationChart, liftChart, shapesChart } from './chart-specs.ts';

describe('chart specifications', () => {
  const cohort = syntheticCohort({ rows: 1500, seed: 5 });
  const { model } = fitAdditiveModel(cohort, { lambda: 10 });
  const evaluation = evaluateProbabilities(cohort.truth, cohort.labels);
  const audit = auditFairness({ groupColumn: 'group', scores: cohort.truth, labels: cohort.labels, groups: assignGroups(cohort.group), threshold: 0.4 });

  it.each([
    { description: 'calibration', spec: () => calibrationChart({ model: evaluation.calibration }), rows: evaluation.calibration.length },
    { description: 'lift', spec: () => liftChart({ model: evaluation.lift }), rows: 10 },
    { description: 'shapes', spec: () => shapesChart(model), rows: model.features.reduce((n, f) => n + (f.kind === 'numeric' ? f.bins.length + 1 : f.kind === 'binary' ? 3 : f.levels.length + (f.other ? 2 : 1)), 0) },
    { description: 'fairness rates', spec: () => fairnessRatesChart(audit), rows: 3 * 5 },
    { description: 'calibration within groups', spec: () => groupCalibrationChart(audit), rows: audit.group_order.reduce((n, g) => n + audit.groups[g]!.calibration!.length, 0) },
  ])('$description: valid Vega-Lite, filled with its data', ({ spec, rows }) => {
    const filled = spec();
    expect((filled.data as { values: unknown[] }).values).toHaveLength(rows);
    expect(() => compile(filled)).not.toThrow();
    expect(compile(filled).spec.data?.length).toBeGreaterThan(0);
  });
});
