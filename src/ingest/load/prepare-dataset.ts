/**
 * Everything checked before a file of a dataset is read: the mapping validates, an agreement
 * covers the dataset on the load date, and the mapping reads only agreed columns. The dataset is
 * then registered (or updated) with its mapping.
 */
import { createHash } from 'node:crypto';
import { loadSettings } from '../../config/index.ts';
import { loadSpecialCategoryKey, type SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Store } from '../../store/index.ts';
import { checkAgreement } from '../agreement/check-agreement.ts';
import type { IngestErrorCode } from '../error-codes.ts';
import type { Mapping } from '../mapping-schema.ts';
import { readMapping, type LocatedProblem } from '../mapping/load-mapping.ts';
import type { DatasetPlan } from './load-file.ts';
import { mappingHasSpecialEvents } from './seal-events.ts';

export interface PrepareOptions {
  /**
   * Seals the dataset's health events. Default: `TRIBUTARY_HEALTH_KEY`, or else (with a warning) the
   * demo key kept in the data folder, as `tributary sar` reads it.
   */
  readonly specialCategoryKey?: SpecialCategoryKey;
}

export type Preparation =
  | { readonly ok: true; readonly plan: DatasetPlan; readonly agreementIds: readonly string[] }
  | { readonly ok: false; readonly code: IngestErrorCode; readonly file?: string; readonly problems: readonly LocatedProblem[] };

/** Reads `<configDir>/mappings/<dataset>.yaml` and checks it against the store's agreements on `loadDate`. */
export async function prepareDataset(store: Store, configDir: string, dataset: string, loadDate: string, options: PrepareOptions = {}): Promise<Preparation> {
  const read = await readMapping(configDir, dataset);
  if (!read.ok) {
    const missing = read.problems.length === 1 && read.problems[0]!.path === '(file)';
    return { ok: false, code: missing ? 'INGEST_MAPPING_NOT_FOUND' : 'INGEST_MAPPING_INVALID', file: read.file, problems: read.problems };
  }
  return prepareMapping(store, read.mapping, loadDate, options);
}

/** Checks an already validated mapping against the agreements on `loadDate` and registers its dataset. */
export async function prepareMapping(store: Store, mapping: Mapping, loadDate: string, options: PrepareOptions = {}): Promise<Preparation> {
  const check = await checkAgreement(store.sql, mapping, loadDate);
  if (!check.ok) {
    return {
      ok: false,
      code: check.problems[0]!.code,
      problems: check.problems.map((p) => ({ path: p.column ?? '(agreement)', message: p.message })),
    };
  }
  const key = specialCategoryKey(mapping, options);
  if (!key.ok) return { ok: false, code: 'INGEST_NO_HEALTH_KEY', problems: [{ path: '(TRIBUTARY_HEALTH_KEY)', message: key.message }] };
  const json = JSON.stringify(mapping);
  await store.sql.query(
    `INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, format = EXCLUDED.format,
       mapping = EXCLUDED.mapping, mapping_hash = EXCLUDED.mapping_hash, updated_at = now()`,
    [mapping.dataset, mapping.agency, mapping.format, json, createHash('sha256').update(json).digest('hex')],
  );
  return { ok: true, plan: { mapping, policy: check.policy, specialCategoryKey: key.key }, agreementIds: check.agreement.ids };
}

const warned = new Set<string>();

function specialCategoryKey(mapping: Mapping, options: PrepareOptions): { ok: true; key: SpecialCategoryKey | null } | { ok: false; message: string } {
  if (!mappingHasSpecialEvents(mapping)) return { ok: true, key: null };
  if (options.specialCategoryKey) return { ok: true, key: options.specialCategoryKey };
  try {
    const loaded = loadSpecialCategoryKey(process.env, { dataDir: loadSettings().dataDir, allowDemoKey: true });
    if (loaded.warning && !warned.has(loaded.warning)) {
      warned.add(loaded.warning);
      console.warn(loaded.warning);
    }
    return { ok: true, key: loaded.key };
  } catch (error) {
    return { ok: false, message: `dataset ${mapping.dataset} holds health events, which are sealed at rest: ${(error as Error).message}` };
  }
}
