/**
 * The Models section's data, for the pages and the JSON API: the list of versions with their status,
 * and one version with its evaluation (model, scorecard and logistic regression side by side), its
 * fairness audit with flags and proxy check, its model card and the flags the governance lead answers.
 */
import { z } from 'zod';
import {
  fairnessFlags, listVersions, loadVersion, ModelVersionError, VersionDetailSchema, VersionSummarySchema, type VersionDetail,
} from '../../score/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';

export const ModelsSchema = z.object({ versions: z.array(VersionSummarySchema) });

export const FairnessFlagSchema = z.object({ key: z.string(), attribute: z.string(), group: z.string().nullable(), metric: z.string(), text: z.string() });

export const ModelVersionViewSchema = z.object({
  version: VersionDetailSchema,
  /** Every fairness flag of the version's report, with the governance lead's response once approved. */
  flags: z.array(FairnessFlagSchema.extend({ response: z.string().nullable() })),
});
export type ModelVersionView = z.output<typeof ModelVersionViewSchema>;

/** Every version, newest first. */
export async function loadModels(store: Store): Promise<z.output<typeof ModelsSchema>> {
  return { versions: await listVersions(store.sql) };
}

/** One version for the page or the API; 404 when there is none. */
export async function loadModelVersion(store: Store, id: string): Promise<ModelVersionView> {
  let version: VersionDetail;
  try {
    version = await loadVersion(store.sql, id);
  } catch (error) {
    if (error instanceof ModelVersionError && error.code === 'MODEL_VERSION_NOT_FOUND') throw new HttpError('NOT_FOUND', error.message);
    throw error;
  }
  const flags = fairnessFlags(version.fairness).map((flag) => ({ ...flag, response: version.fairnessResponses?.[flag.key] ?? null }));
  return { version, flags };
}
