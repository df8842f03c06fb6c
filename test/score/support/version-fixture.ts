/**
 * A fitted model directory for the model-version tests: features named as the factor configuration's
 * (age and each enabled factor, 0/1), so the version can score the store's feature table; a protected
 * column `ethnicity` whose group "Black" has more recorded factors, so the audit raises flags.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { featureNames, loadFactorConfig } from '../../../src/indicators/index.ts';
import { runFitJob } from '../../../src/score/index.ts';
import { seededRandom } from '../../../src/score/numerics/seeded-random.ts';

/** The model's features: age and the configuration's 0/1 factors (no counts). */
export const fixtureFeatures = (): string[] => featureNames(loadFactorConfig()).filter((name) => !name.endsWith('_count'));

/** Writes the CSV and fits it into `<dir>/model`; returns that directory. */
export async function fitVersionFixture(dir: string, options: { rows?: number; seed?: number } = {}): Promise<string> {
  const random = seededRandom(options.seed ?? 7);
  const names = fixtureFeatures();
  const factors = names.filter((name) => name !== 'age');
  const rows = Array.from({ length: options.rows ?? 3000 }, (_, i) => {
    const ethnicity = random() < 0.25 ? 'Black' : random() < 0.3 ? 'Asian' : 'White';
    const age = 10 + Math.floor(random() * 8);
    const flags = factors.map((): number => (random() < (ethnicity === 'Black' ? 0.3 : 0.12) ? 1 : 0));
    const logit = -3.2 + 0.25 * (age - 13) + 0.9 * flags.reduce((a, b) => a + b, 0);
    const label = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    return [`p${i}`, age, ...flags, label, ethnicity];
  });
  const csv = join(dir, 'history.csv');
  await writeFile(csv, stringify([['person_id', 'age', ...factors, 'label', 'ethnicity'], ...rows]));
  const out = join(dir, 'model');
  await runFitJob({
    data: csv, label: 'label', out, exclude: ['person_id'], protected: ['ethnicity'], seed: 1, testFraction: 0.3, minGroupSize: 30,
    fit: { monotone: {}, calibration: 'platt', folds: 3, maxBins: 8 },
  });
  return out;
}
