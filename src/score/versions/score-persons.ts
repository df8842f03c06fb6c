/**
 * The product's scoring path: score people with a stored model version and keep each score with
 * its version, as-of date, intercept and contributions. Only an approved version may score people;
 * a draft or retired one is refused (and the refusal audited).
 */
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { FeatureColumn } from '../features/feature-column.ts';
import { parseModel } from '../model/read-model.ts';
import { scoreRows } from '../model/score-rows.ts';
import { ModelVersionError } from './version-error.ts';

export interface ScorePersonsInput {
  versionId: string;
  asOf: string;
  personIds: readonly string[];
  /** Feature name → one number per person (NaN when missing); the model's features must all be here. */
  features: ReadonlyMap<string, Float64Array>;
  actor: string;
}

const CHUNK = 5000;

/** Scores and stores; returns how many people were scored. Replaces earlier scores of the same version and date. */
export async function scorePersons(store: Store, input: ScorePersonsInput): Promise<number> {
  const [row] = await store.sql.query<{ status: string; model: unknown }>('SELECT status, model FROM model_versions WHERE id = $1', [input.versionId]);
  if (!row) throw new ModelVersionError('MODEL_VERSION_NOT_FOUND', `there is no model version "${input.versionId}"`);
  if (row.status !== 'approved') {
    await appendAudit(store, { actor: input.actor, role: null, action: 'model.scoring_refused', subjectRef: input.versionId, details: { status: row.status } });
    throw new ModelVersionError('MODEL_NOT_APPROVED', `model version ${input.versionId} is ${row.status}: only an approved version may score people (the governance lead approves it on the Models page)`);
  }
  const model = parseModel(row.model, `model version ${input.versionId}`);
  const columns = model.features.map((shape): FeatureColumn => {
    const values = input.features.get(shape.name);
    if (!values) throw new Error(`model version ${input.versionId} needs the feature "${shape.name}", which the feature table lacks (has: ${[...input.features.keys()].join(', ')})`);
    if (shape.kind === 'categorical') throw new Error(`model version ${input.versionId}: categorical feature "${shape.name}" cannot be scored from the numeric feature table`);
    return { kind: shape.kind, name: shape.name, values };
  });
  const scored = scoreRows(model, columns);
  const names = model.features.map((f) => f.name);
  await store.transaction(async (tx) => {
    await tx.query('DELETE FROM scores WHERE model_version_id = $1 AND as_of = $2::date', [input.versionId, input.asOf]);
    for (let start = 0; start < input.personIds.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, input.personIds.length);
      const contributions: string[] = [];
      for (let i = start; i < end; i++) {
        const entries: Record<string, number> = {};
        names.forEach((name, k) => { entries[name] = scored.contributions[k]![i]!; });
        contributions.push(JSON.stringify(entries));
      }
      await tx.query(`
        INSERT INTO scores (person_id, model_version_id, as_of, probability, intercept, contributions)
        SELECT p, $1, $2::date, pr, $3, c::jsonb FROM unnest($4::text[], $5::float8[], $6::text[]) AS t(p, pr, c)`, [
        input.versionId, input.asOf, model.intercept, input.personIds.slice(start, end),
        Array.from(scored.probability.subarray(start, end)), contributions,
      ]);
    }
  });
  return input.personIds.length;
}
