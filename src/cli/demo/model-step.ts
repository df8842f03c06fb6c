/**
 * The demo's model step: build feature tables for past as-of dates (labels fully observed) and the
 * extract date in one pass, fit the additive model with a time-based hold-out, register it as a
 * draft version, approve it *as a demo* through the version service (marked so: no governance lead
 * approved it, and the audit chain says so), and score everyone as of the extract date with it.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { buildFeatureTables, loadFactorConfig, PROTECTED_PREFIX, writeFeatureCsv } from '../../indicators/index.ts';
import { approveDemoVersion, registerDraftVersion, runFitJob, scoreAsOf } from '../../score/index.ts';
import type { Store } from '../../store/index.ts';

export interface ModelStepResult {
  readonly versionId: string;
  readonly scored: number;
  /** The fit's summary: evaluation against the baselines, calibration and the fairness flags per protected attribute. */
  readonly summary: string[];
  /** Seconds spent building the feature tables, fitting (with evaluation and audit), and storing. */
  readonly seconds: { features: number; fit: number; store: number };
}

/** The as-of dates to train on: every six months from `years` back, ending where the horizon is fully observed. */
export function trainingDates(extractDate: string, horizonMonths: number, years = 4): string[] {
  const dates: string[] = [];
  const end = new Date(`${extractDate}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() - horizonMonths);
  for (let back = years * 12; back >= 0; back -= 6) {
    const d = new Date(end);
    d.setUTCMonth(d.getUTCMonth() - back);
    dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

const DEMO_ACTOR = { username: 'tributary demo', role: null };
const DEMO_NOTE = 'Demo version for the synthetic town: approved automatically by `tributary demo`, not by a governance lead';

/** Fits, records and applies the demo model version; writes its files under `workDir`. */
export async function fitAndScore(store: Store, workDir: string, extractDate: string, log: (line: string) => void): Promise<ModelStepResult> {
  const horizonMonths = 24;
  const config = loadFactorConfig();
  mkdirSync(workDir, { recursive: true });
  let started = performance.now();
  const seconds = () => { const s = (performance.now() - started) / 1000; started = performance.now(); return s; };
  const tables = await buildFeatureTables(store, { asOfs: [...trainingDates(extractDate, horizonMonths), extractDate], horizonMonths, config });
  const current = tables.pop()!;
  const history = tables;
  const trainCsv = join(workDir, 'history.csv');
  const rows = writeFeatureCsv(history, trainCsv);
  const featureSeconds = seconds();
  const protectedColumns = (history[0]?.protectedNames ?? []).map((n) => PROTECTED_PREFIX + n);
  log(`  ${rows.toLocaleString('en-GB')} person-dates from ${history.length} as-of dates (${history[0]?.asOf} … ${history.at(-1)?.asOf}), built in ${featureSeconds.toFixed(1)} s`);
  // The counts duplicate the 0/1 factors (a count of 0 is the factor's absence): the model takes the
  // factors, whose contributions read as "has this factor" on the person page (docs/model.md).
  const counts = (history[0]?.featureNames ?? []).filter((name) => name.endsWith('_count'));
  const modelDir = join(workDir, 'model');
  const fit = await runFitJob({
    data: trainCsv, label: 'label', out: modelDir, exclude: ['person_id', ...counts], protected: protectedColumns, time: 'as_of',
    seed: 1, testFraction: 0.2, minGroupSize: 30, fit: { monotone: {}, calibration: 'platt', folds: 5, maxBins: 24 },
  });
  for (const warning of fit.warnings) log(`  warning: ${warning}`);
  const fitSeconds = seconds();

  const versionId = await registerDraftVersion(store, {
    modelDir, actor: DEMO_ACTOR, id: `demo-${extractDate}-${fit.fit.model.trainingFingerprint.replace(/^sha256:/, '').slice(0, 8)}`,
  });
  await approveDemoVersion(store, versionId, DEMO_NOTE);
  const scored = await scoreAsOf(store, { versionId, asOf: extractDate, actor: DEMO_ACTOR.username, table: current });
  const storeSeconds = seconds();
  log(`  feature tables ${featureSeconds.toFixed(1)} s, fit with evaluation and audit ${fitSeconds.toFixed(1)} s, register, approve and score ${storeSeconds.toFixed(1)} s`);
  return { versionId, scored, summary: fit.summary, seconds: { features: featureSeconds, fit: fitSeconds, store: storeSeconds } };
}
