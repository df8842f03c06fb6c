/**
 * A draft model version from a fit job's output directory (`model.json`, `evaluation.json`,
 * `fairness.json`, `model-card.md`): its id is the fit date and the training fingerprint. The demo
 * approves its own draft *as a demo* — marked in `demo`, with an automatic response per flag —
 * through the same service, so the audit chain records it as such.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { EvaluationReportSchema } from '../evaluation/evaluation-schema.ts';
import { ModelFairnessSchema } from '../fairness/fairness-schema.ts';
import { parseModel } from '../model/read-model.ts';
import { ScoreInputError } from '../table/score-input-error.ts';
import { fairnessFlags } from './fairness-flags.ts';
import { lockVersion } from './version-records.ts';
import type { VersionActor } from './approve-version.ts';

export interface RegisterOptions {
  /** The directory `tributary model fit --out` wrote. */
  modelDir: string;
  actor: VersionActor;
  /** Defaults to `mv-<fit date>-<first 8 of the training fingerprint>`. */
  id?: string;
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const file = join(dir, name);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ScoreInputError('TRB_SCORE_FILE', `cannot read ${file}: register the directory \`tributary model fit --out\` wrote`);
  });
  return JSON.parse(text);
}

/** Stores the fit as a draft version (idempotent for the same id) and returns its id. */
export async function registerDraftVersion(store: Store, options: RegisterOptions): Promise<string> {
  const model = parseModel(await readJson(options.modelDir, 'model.json'), join(options.modelDir, 'model.json'));
  const evaluation = EvaluationReportSchema.loose().parse(await readJson(options.modelDir, 'evaluation.json'));
  const fairness = ModelFairnessSchema.parse(await readJson(options.modelDir, 'fairness.json'));
  const card = await readFile(join(options.modelDir, 'model-card.md'), 'utf8');
  const id = options.id ?? `mv-${model.fittedAt.slice(0, 10)}-${model.trainingFingerprint.replace(/^sha256:/, '').slice(0, 8)}`;
  const [inserted] = await store.sql.query<{ id: string }>(`
    INSERT INTO model_versions (id, status, training_fingerprint, features, model, evaluation, fairness, card)
    VALUES ($1, 'draft', $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7)
    ON CONFLICT (id) DO NOTHING RETURNING id`, [
    id, model.trainingFingerprint, JSON.stringify(model.features.map((f) => f.name)), JSON.stringify(model),
    JSON.stringify(evaluation), JSON.stringify(fairness), card,
  ]);
  if (inserted) {
    await appendAudit(store, {
      actor: options.actor.username, role: options.actor.role, action: 'model.registered', subjectRef: id,
      details: { features: model.features.length, flags: fairnessFlags(fairness).length },
    });
  }
  return id;
}

/**
 * Approves a draft *as a demo*: no governance lead took the decision, so the version is marked
 * (`demo` holds why) and each fairness flag gets the same automatic response. For the synthetic town only.
 */
export async function approveDemoVersion(store: Store, versionId: string, why: string): Promise<string[]> {
  const retired = await store.transaction(async (tx) => {
    const version = await lockVersion(tx, versionId);
    if (version.status === 'approved') return [];
    const responses = Object.fromEntries(fairnessFlags(ModelFairnessSchema.parse(version.fairness))
      .map((flag) => [flag.key, 'Demo: not reviewed by a governance lead; synthetic town, no real person is scored.']));
    const gone = await tx.query<{ id: string }>(`
      UPDATE model_versions SET status = 'retired', retired_at = now(), retired_by = 'tributary demo', retired_reason = $2
      WHERE status = 'approved' AND id <> $1 RETURNING id`, [versionId, `superseded by demo version ${versionId}`]);
    await tx.query(`
      UPDATE model_versions SET status = 'approved', demo = $2, approved_by = 'demo', approved_at = now(),
        justification = 'Demo only: no real person is scored.', fairness_responses = $3::jsonb, retired_at = NULL, retired_by = NULL, retired_reason = NULL
      WHERE id = $1`, [versionId, why, JSON.stringify(responses)]);
    return gone.map((r) => r.id);
  });
  await appendAudit(store, { actor: 'tributary demo', role: null, action: 'model.approved', subjectRef: versionId, details: { demo: true } });
  for (const id of retired) {
    await appendAudit(store, { actor: 'tributary demo', role: null, action: 'model.retired', subjectRef: id, details: { superseded_by: versionId } });
  }
  return retired;
}
