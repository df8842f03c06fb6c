/**
 * Loads a synthetic town (the output of `tributary synth`) into a store: the partnership of
 * `config/town`, then every dataset's extract named in `truth/manifest.json`, one batch each.
 * For demos, tests and benchmarks; real extracts go through `tributary ingest`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPartnership, readPartnership } from '../../governance/partnership-loader.ts';
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Store } from '../../store/index.ts';
import { loadFile, type FileOutcome } from './load-file.ts';
import { prepareDataset } from './prepare-dataset.ts';

export interface LoadTownOptions {
  /** The partnership configuration folder (default `config/town`). */
  readonly configDir?: string;
  /** The date the agreements must be valid on (default today). */
  readonly loadDate?: string;
  /** Only these datasets (default: every dataset of the manifest). */
  readonly datasets?: readonly string[];
  /** Seals the health events (default: as `prepareDataset` finds it). */
  readonly specialCategoryKey?: SpecialCategoryKey;
}

interface Manifest { readonly datasets: ReadonlyArray<{ readonly id: string; readonly file: string }> }

/** Loads every dataset of the town in `dir`; throws naming the dataset when one is refused or fails. */
export async function loadTown(store: Store, dir: string, options: LoadTownOptions = {}): Promise<FileOutcome[]> {
  const configDir = options.configDir ?? 'config/town';
  const loadDate = options.loadDate ?? new Date().toISOString().slice(0, 10);
  const partnership = await readPartnership(configDir);
  if (!partnership.ok) throw new Error(`${partnership.file}: the partnership configuration is invalid: ${JSON.stringify(partnership.problems)}`);
  await loadPartnership(store, partnership.config);
  const manifest = JSON.parse(await readFile(join(dir, 'truth', 'manifest.json'), 'utf8')) as Manifest;
  const outcomes: FileOutcome[] = [];
  for (const dataset of manifest.datasets.filter((d) => !options.datasets || options.datasets.includes(d.id))) {
    const prepared = await prepareDataset(store, configDir, dataset.id, loadDate, { specialCategoryKey: options.specialCategoryKey });
    if (!prepared.ok) throw new Error(`dataset ${dataset.id} refused [${prepared.code}]: ${JSON.stringify(prepared.problems)}`);
    const outcome = await loadFile(store, prepared.plan, join(dir, dataset.file));
    if (outcome.status === 'failed') throw new Error(`${dataset.file} failed [${outcome.code}]: ${outcome.message}`);
    outcomes.push(outcome);
  }
  return outcomes;
}
