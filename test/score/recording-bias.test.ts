/**
 * The fairness audit finds injected recording bias. Two synthetic towns from the same seed, one with
 * `--bias police:ethnicity=Black:2.0` (the police detect and record offences by Black people twice as
 * often; behaviour is unchanged). In each, a model is fitted on what agencies recorded — never on
 * ethnicity — to predict a police-recorded offence within two years, with a time-based hold-out,
 * and every person-date is audited by ethnic group (`model audit`'s audit, at the score that selects
 * the top 10%). With the bias, Black young people's recorded outcomes exceed what their scores predict
 * (observed/expected 1.43, 95% interval 1.07–1.89: above 1.25 and not chance): flagged. Without the
 * bias the same group's ratio is 0.90 (0.62–1.29): not flagged. (The Asian group is flagged in both
 * towns — its recorded rate exceeds its scores with or without the bias: a real difference in this
 * synthetic town that the features do not capture, which the check reports as it should.)
 *
 * Why every person-date and not only the held-out ones: a town of 20,000 has about 150 Black young
 * people per date and a few percent of them are recorded offending, so the held-out fifth has a
 * handful of outcomes — too few to tell a twofold bias from chance. Ethnicity is not a feature, so
 * auditing the training rows too does not flatter the model on this check.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainingDates } from '../../src/cli/demo/model-step.ts';
import { runAuditJob, runFitJob, runPredictJob, type AuditReport } from '../../src/score/index.ts';
import { generateTown } from '../../src/synth/index.ts';
import { truthCohortCsv } from './support/truth-cohort.ts';

const PEOPLE = 20_000;

async function auditTown(dir: string, bias: string | null): Promise<AuditReport> {
  generateTown({ people: PEOPLE, seed: 11, out: dir, bias: bias ? [{ agency: 'police', attribute: 'ethnicity', value: 'Black', factor: 2 }] : [] });
  const data = join(dir, 'cohort.csv');
  await writeFile(data, truthCohortCsv(dir, trainingDates('2026-03-31', 24), 'recorded_offence'));
  await runFitJob({
    data, label: 'label', out: join(dir, 'model'), exclude: ['person_id', 'label_true'], protected: ['ethnic_group'], time: 'as_of',
    seed: 1, testFraction: 0.2, minGroupSize: 30, fit: { monotone: {}, calibration: 'platt', folds: 5, maxBins: 24 },
  });
  const predictions = join(dir, 'predictions.csv');
  await runPredictJob({ model: join(dir, 'model', 'model.json'), data, id: 'person_id', out: predictions });
  const rows = parse(readFileSync(data), { columns: true }) as Array<Record<string, string>>;
  const scores = (parse(readFileSync(predictions), { columns: true }) as Array<Record<string, string>>).map((r) => Number(r.probability));
  const audited = join(dir, 'audited.csv');
  await writeFile(audited, `score,label,ethnic_group\n${rows.map((r, i) => `${scores[i]},${r.label},${r.ethnic_group}`).join('\n')}\n`);
  const threshold = [...scores].sort((a, b) => b - a)[Math.floor(scores.length * 0.1)]!;
  return runAuditJob({ data: audited, score: 'score', label: 'label', group: 'ethnic_group', threshold, reference: 'White', thresholds: {} });
}

describe('the fairness audit and injected recording bias', () => {
  let fair: AuditReport;
  let biased: AuditReport;
  beforeAll(async () => {
    fair = await auditTown(await mkdtemp(join(tmpdir(), 'town-fair-')), null);
    biased = await auditTown(await mkdtemp(join(tmpdir(), 'town-biased-')), 'police:ethnicity=Black:2.0');
  }, 300_000);

  it('flags Black young people in the biased town: more recorded outcomes than their scores predict', () => {
    const black = biased.groups.Black!;
    expect(black.flags).toContain('observed_expected');
    expect(black.observed_expected!).toBeGreaterThan(1.25);
    expect(black.observed_expected_low!).toBeGreaterThan(1);
    expect(black.base_rate / biased.groups.White!.base_rate).toBeGreaterThan(1.5);
  });

  it('does not raise that flag without the bias, where the recorded rate follows the scores', () => {
    const black = fair.groups.Black!;
    expect(black.flags).not.toContain('observed_expected');
    expect(black.observed_expected_low!).toBeLessThan(1);
    expect(black.observed_expected_high!).toBeGreaterThan(1);
    expect(fair.groups.White!.flags).not.toContain('observed_expected');
  });
});
