/**
 * Model versions as the store holds them (`model_versions`), read into plain objects with ISO
 * timestamps: the list (no heavy documents) and one version with its evaluation, fairness report,
 * model and card.
 */
import { z } from 'zod';
import type { SqlClient } from '../../store/index.ts';
import { EvaluationReportSchema } from '../evaluation/evaluation-schema.ts';
import { ModelFairnessSchema } from '../fairness/fairness-schema.ts';
import { AdditiveModelSchema } from '../model/model-schema.ts';
import { ModelVersionError } from './version-error.ts';

export const VERSION_STATUSES = ['draft', 'approved', 'retired'] as const;
export const VersionStatusSchema = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatusSchema>;

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());

export const VersionSummarySchema = z.object({
  id: z.string(),
  status: VersionStatusSchema,
  /** Set when the version was approved automatically by the demo (no governance lead): why. */
  demo: z.string().nullable(),
  trainingFingerprint: z.string(),
  features: z.array(z.string()),
  createdAt: iso,
  approvedBy: z.string().nullable(),
  approvedAt: iso.nullable(),
  justification: z.string().nullable(),
  retiredAt: iso.nullable(),
  retiredBy: z.string().nullable(),
  retiredReason: z.string().nullable(),
  fairnessResponses: z.record(z.string(), z.string()).nullable(),
  /** Held-out AUC of the model, for the list. */
  auc: z.number().nullable(),
});
export type VersionSummary = z.output<typeof VersionSummarySchema>;

export const VersionDetailSchema = VersionSummarySchema.extend({
  model: AdditiveModelSchema,
  evaluation: EvaluationReportSchema.loose(),
  fairness: ModelFairnessSchema,
  card: z.string(),
});
export type VersionDetail = z.output<typeof VersionDetailSchema>;

const SUMMARY_COLUMNS = `id, status, demo, training_fingerprint AS "trainingFingerprint", features, created_at AS "createdAt",
  approved_by AS "approvedBy", approved_at AS "approvedAt", justification, retired_at AS "retiredAt", retired_by AS "retiredBy",
  retired_reason AS "retiredReason", fairness_responses AS "fairnessResponses", (evaluation #>> '{model,auc,auc}')::float8 AS auc`;

/** Every version, newest first. */
export async function listVersions(db: SqlClient): Promise<VersionSummary[]> {
  const rows = await db.query(`SELECT ${SUMMARY_COLUMNS} FROM model_versions ORDER BY created_at DESC, id`);
  return rows.map((row) => VersionSummarySchema.parse(row));
}

/** One version with its documents; a clear error when there is none with that id. */
export async function loadVersion(db: SqlClient, id: string): Promise<VersionDetail> {
  const [row] = await db.query(`SELECT ${SUMMARY_COLUMNS}, model, evaluation, fairness, card FROM model_versions WHERE id = $1`, [id]);
  if (!row) throw new ModelVersionError('MODEL_VERSION_NOT_FOUND', `there is no model version "${id}"; \`tributary model versions\` lists them`);
  return VersionDetailSchema.parse(row);
}

/** The status of a version (locked for update inside a transaction). */
export async function lockVersion(db: SqlClient, id: string): Promise<{ status: VersionStatus; fairness: unknown }> {
  const [row] = await db.query<{ status: VersionStatus; fairness: unknown }>('SELECT status, fairness FROM model_versions WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw new ModelVersionError('MODEL_VERSION_NOT_FOUND', `there is no model version "${id}"; \`tributary model versions\` lists them`);
  return row;
}
