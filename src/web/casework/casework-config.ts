/**
 * What casework needs from the partnership's configuration: its teams (with the schools and
 * localities whose young people are theirs) and the support catalogue. Read from
 * `TRIBUTARY_CONFIG_DIR` (default `config/town`) once, validated with every problem listed.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPartnershipSync } from './partnership-teams.ts';
import { readSupportCatalogue } from '../../governance/support-catalogue.ts';
import type { SupportCatalogue } from '../../governance/support-catalogue-schema.ts';
import type { TeamConfig } from '../../governance/partnership-schema.ts';
import { loadFactorConfig } from '../../indicators/index.ts';

export interface CaseworkConfig {
  readonly configDir: string;
  readonly teams: readonly TeamConfig[];
  readonly catalogue: SupportCatalogue;
}

const DEFAULT_CONFIG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../config/town');
const loaded = new Map<string, CaseworkConfig>();

/** The configuration in `configDir` (default: `TRIBUTARY_CONFIG_DIR`, else `config/town`); throws naming every problem. */
export function caseworkConfig(configDir = process.env.TRIBUTARY_CONFIG_DIR ?? DEFAULT_CONFIG_DIR): CaseworkConfig {
  const dir = resolve(configDir);
  const known = loaded.get(dir);
  if (known) return known;
  let factors: Set<string> | undefined;
  try {
    factors = new Set(loadFactorConfig().factors.map((f) => f.id));
  } catch {
    factors = undefined;
  }
  const config = { configDir: dir, teams: readPartnershipSync(dir), catalogue: readSupportCatalogue(dir, factors) };
  loaded.set(dir, config);
  return config;
}
