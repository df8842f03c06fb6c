/**
 * Benchmarks of the score stage: fit the additive model on one million rows of 20 mixed features
 * (12 numeric, 6 categorical, 2 binary; cross-validation included) within 60 s, and score one
 * million rows within 30 s, each with the peak memory of the process.
 *
 *   node bin/run-ts.mjs bench/model-bench.ts [rows]
 */
import { pathToFileURL } from 'node:url';
import { fitAdditiveModel, scoreRows, syntheticCohort, type FeatureColumn } from '../src/score/index.ts';

export interface ModelBenchResult {
  rows: number;
  features: number;
  fitSeconds: number;
  fitCpuSeconds: number;
  scoreSeconds: number;
  scoreCpuSeconds: number;
  peakRssMb: number;
  lambda: number;
  hessians: number;
  iterations: number;
  withinBudget: boolean;
}

const FIT_BUDGET_SECONDS = 60;
const SCORE_BUDGET_SECONDS = 30;

/** The bench's data: the synthetic cohort (7 features) padded with noise to 12 numeric, 6 categorical, 2 binary. */
function benchData(rows: number): { features: FeatureColumn[]; labels: Uint8Array } {
  const cohort = syntheticCohort({ rows, seed: 2024, noiseNumeric: 8, noiseCategorical: 4 });
  const flag = (k: number) => Float64Array.from(cohort.labels, (_, i) => ((i * 2654435761 + k) >>> 0) % 7 === 0 ? 1 : 0);
  return { features: [...cohort.features, { kind: 'binary', name: 'flag_1', values: flag(1) }], labels: cohort.labels };
}

function timed<T>(work: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Runs the fit and scoring benchmarks and prints what they measured. */
export function runModelBench(rows = 1_000_000): ModelBenchResult {
  const data = benchData(rows);
  const kinds = data.features.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
  console.log(`model bench: ${rows.toLocaleString('en-GB')} rows, ${data.features.length} features (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
  const fit = timed(() => fitAdditiveModel(data, { label: 'outcome', monotone: { prior_contacts: 'increasing' } }));
  const score = timed(() => scoreRows(fit.value.model, data.features));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result: ModelBenchResult = {
    rows,
    features: data.features.length,
    fitSeconds: fit.seconds,
    fitCpuSeconds: fit.cpuSeconds,
    scoreSeconds: score.seconds,
    scoreCpuSeconds: score.cpuSeconds,
    peakRssMb,
    lambda: fit.value.model.training.lambda,
    hessians: fit.value.stats.hessians,
    iterations: fit.value.stats.iterations,
    withinBudget: fit.seconds <= FIT_BUDGET_SECONDS && score.seconds <= SCORE_BUDGET_SECONDS,
  };
  console.log(`fit:   ${fit.seconds.toFixed(1)} s wall, ${fit.cpuSeconds.toFixed(1)} s CPU (budget ${FIT_BUDGET_SECONDS} s); λ = ${result.lambda}, final fit ${result.iterations} iterations, ${result.hessians} Hessians`);
  console.log(`score: ${score.seconds.toFixed(1)} s wall, ${score.cpuSeconds.toFixed(1)} s CPU (budget ${SCORE_BUDGET_SECONDS} s)`);
  console.log(`peak memory (max RSS): ${peakRssMb.toFixed(0)} MB`);
  console.log(result.withinBudget ? 'within budget' : 'OVER BUDGET (wall clock; compare CPU time when the machine is shared)');
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runModelBench(Number(process.argv[2] ?? 1_000_000));
}
