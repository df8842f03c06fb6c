/**
 * Everything checked before a file of a dataset is read: the mapping validates, an agreement
 * covers the dataset on the load date, and the mapping reads only agreed columns. The dataset is
 * then registered (or updated) with its mapping.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { checkAgreement } from '../agreement/check-agreement.ts';
import type { IngestErrorCode } from '../error-codes.ts';
import type { Mapping } from '../mapping-schema.ts';
import { readMapping, type LocatedProblem } from '../mapping/load-mapping.ts';
import type { DatasetPlan } from './load-file.ts';

export type Preparation =
  | { readonly ok: true; readonly plan: DatasetPlan; readonly agreementIds: readonly string[] }
  | { readonly ok: false; readonly code: IngestErrorCode; readonly file?: string; readonly problems: readonly LocatedProblem[] };

/** Reads `<configDir>/mappings/<dataset>.yaml` and checks it against the store's agreements on `loadDate`. */
export async function prepareDataset(store: Store, configDir: string, dataset: string, loadDate: string): Promise<Preparation> {
  const read = await readMapping(configDir, dataset);
  if (!read.ok) {
    const missing = read.problems.length === 1 && read.problems[0]!.path === '(file)';
    return { ok: false, code: missing ? 'INGEST_MAPPING_NOT_FOUND' : 'INGEST_MAPPING_INVALID', file: read.file, problems: read.problems };
  }
  return prepareMapping(store, read.mapping, loadDate);
}

/** Checks an already validated mapping against the agreements on `loadDate` and registers its dataset. */
export async function prepareMapping(store: Store, mapping: Mapping, loadDate: string): Promise<Preparation> {
  const check = await checkAgreement(store.sql, mapping, loadDate);
  if (!check.ok) {
    return {
      ok: false,
      code: check.problems[0]!.code,
      problems: check.problems.map((p) => ({ path: p.column ?? '(agreement)', message: p.message })),
    };
  }
  const json = JSON.stringify(mapping);
  await store.sql.query(
    `INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, format = EXCLUDED.format,
       mapping = EXCLUDED.mapping, mapping_hash = EXCLUDED.mapping_hash, updated_at = now()`,
    [mapping.dataset, mapping.agency, mapping.format, json, createHash('sha256').update(json).digest('hex')],
  );
  return { ok: true, plan: { mapping, policy: check.policy }, agreementIds: check.agreement.ids };
}
