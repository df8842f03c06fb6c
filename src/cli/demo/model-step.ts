/**
 * The demo's model step: build feature tables for past as-of dates (labels fully observed), fit the
 * additive model with a time-based hold-out, record it as a model version approved *as a demo*
 * (marked so: no governance lead approved it), and score everyone as of the extract date.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildFeatureTable, loadFactorConfig, PROTECTED_PREFIX, writeFeatureCsv } from '../../indicators/index.ts';
import { runFitJob, runPredictJob } from '../../score/index.ts';
import type { Store } from '../../store/index.ts';

export interface ModelStepResult {
  readonly versionId: string;
  readonly scored: number;
  /** The fit's summary: evaluation against the baselines and the fairness flags per protected attribute. */
  readonly summary: string[];
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

/** Fits, records and applies the demo model version; writes its files under `workDir`. */
export async function fitAndScore(store: Store, workDir: string, extractDate: string, log: (line: string) => void): Promise<ModelStepResult> {
  const horizonMonths = 24;
  const config = loadFactorConfig();
  mkdirSync(workDir, { recursive: true });
  const history = [];
  for (const asOf of trainingDates(extractDate, horizonMonths)) history.push(await buildFeatureTable(store, { asOf, horizonMonths, config }));
  const trainCsv = join(workDir, 'history.csv');
  const rows = writeFeatureCsv(history, trainCsv);
  const protectedColumns = (history[0]?.protectedNames ?? []).map((n) => PROTECTED_PREFIX + n);
  log(`  ${rows.toLocaleString('en-GB')} person-dates from ${history.length} as-of dates (${history[0]?.asOf} … ${history.at(-1)?.asOf})`);
  const modelDir = join(workDir, 'model');
  const fit = await runFitJob({
    data: trainCsv, label: 'label', out: modelDir, exclude: ['person_id'], protected: protectedColumns, time: 'as_of',
    seed: 1, testFraction: 0.2, minGroupSize: 30, fit: { monotone: {}, calibration: 'platt', folds: 5, maxBins: 24 },
  });
  for (const warning of fit.warnings) log(`  warning: ${warning}`);

  const read = (name: string) => readFileSync(join(modelDir, name), 'utf8');
  const model = JSON.parse(read('model.json')) as { features: Array<{ name: string }> };
  const evaluation = JSON.parse(read('evaluation.json')) as unknown;
  const fairness = JSON.parse(read('fairness.json')) as unknown;
  const fingerprint = createHash('sha256').update(readFileSync(trainCsv)).digest('hex');
  const versionId = `demo-${extractDate}-${fingerprint.slice(0, 8)}`;
  await store.sql.query(`
    INSERT INTO model_versions (id, status, demo, training_fingerprint, features, model, evaluation, fairness, card,
      approved_by, approved_at, justification)
    VALUES ($1, 'approved', $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb, $8, 'demo', now(), $9)
    ON CONFLICT (id) DO NOTHING`, [
    versionId, 'Demo version for the synthetic town: approved automatically by `tributary demo`, not by a governance lead',
    fingerprint, JSON.stringify(model.features.map((f) => f.name)), read('model.json'), JSON.stringify(evaluation),
    JSON.stringify(fairness), read('model-card.md'), 'Demo only: no real person is scored.',
  ]);
  await store.sql.query(`UPDATE model_versions SET status = 'retired', retired_at = now() WHERE status = 'approved' AND id <> $1`, [versionId]);

  const current = await buildFeatureTable(store, { asOf: extractDate, horizonMonths, config });
  const currentCsv = join(workDir, 'current.csv');
  writeFeatureCsv([current], currentCsv);
  const predsCsv = join(workDir, 'predictions.csv');
  await runPredictJob({ model: join(modelDir, 'model.json'), data: currentCsv, id: 'person_id', out: predsCsv });
  const scored = await storeScores(store, versionId, extractDate, predsCsv, (JSON.parse(read('model.json')) as { intercept: number }).intercept);
  return { versionId, scored, summary: fit.summary };
}

async function storeScores(store: Store, versionId: string, asOf: string, predsCsv: string, intercept: number): Promise<number> {
  const preds = parse(readFileSync(predsCsv), { columns: true }) as Array<Record<string, string>>;
  await store.transaction(async (tx) => {
    await tx.query('DELETE FROM scores WHERE model_version_id = $1 AND as_of = $2::date', [versionId, asOf]);
    for (let i = 0; i < preds.length; i += 2000) {
      const chunk = preds.slice(i, i + 2000);
      await tx.query(`
        INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions)
        SELECT p, $1, $2::date, pr, $3, c::jsonb FROM unnest($4::text[], $5::float8[], $6::text[]) AS t(p, pr, c)`, [
        versionId, asOf, intercept, chunk.map((r) => r.id), chunk.map((r) => Number(r.probability)),
        chunk.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r)
          .filter(([k]) => k.startsWith('contrib:')).map(([k, v]) => [k.slice('contrib:'.length), Number(v)])))),
      ]);
    }
  });
  return preds.length;
}
