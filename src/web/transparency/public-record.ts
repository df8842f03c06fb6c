/**
 * What the public transparency page shows: the ATRS Tier 1 record, filled from the partnership's
 * transparency configuration (`TRIBUTARY_TRANSPARENCY_CONFIG`, default
 * `config/town/transparency.yaml`) and the approved model version in the store. Built at most once
 * a minute: the page is open to anyone, so a flood of requests costs no more than one build.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import {
  buildTransparencyRecord, loadTransparencyConfig, NO_APPROVED_MODEL, type AtrsRecord,
} from '../../governance/transparency/index.ts';
import type { Store } from '../../store/index.ts';

export interface PublicTransparencyRecord {
  standard: AtrsRecord['standard'];
  standardVersion: AtrsRecord['standardVersion'];
  tier: 1;
  generatedOn: string;
  tier1: AtrsRecord['tier1'];
  /** The approved model version the scores come from, or the statement that none is approved. */
  model: { approved: true; version: string; approvedOn: string | null; modelType: string } | { approved: false; statement: string };
  /** The agencies whose data the tool uses, by name (the agreements are in Tier 2). */
  dataSources: string[];
}

const EnvSchema = z.object({ TRIBUTARY_TRANSPARENCY_CONFIG: z.string().min(1).default('config/town/transparency.yaml') });

/** The configuration path from the environment. */
export const transparencyConfigPath = (env: NodeJS.ProcessEnv = process.env) => EnvSchema.parse(env).TRIBUTARY_TRANSPARENCY_CONFIG;

/** Tier 1 of a full record, with the model's version and the data sources' agencies. */
export function publicRecordOf(record: AtrsRecord): PublicTransparencyRecord {
  const model = record.tier2.toolSpecification.model;
  const agencies = record.tier2.toolSpecification.data.sources.map((s) => s.agencyName);
  return {
    standard: record.standard, standardVersion: record.standardVersion, tier: 1, generatedOn: record.generatedOn,
    tier1: record.tier1,
    model: model.approved
      ? { approved: true, version: model.version, approvedOn: model.approvedOn, modelType: model.modelType }
      : { approved: false, statement: NO_APPROVED_MODEL },
    dataSources: [...new Set(agencies)].sort(),
  };
}

export interface PublicRecordSource {
  /** The record, or null when the partnership has no transparency configuration. */
  get(): Promise<PublicTransparencyRecord | null>;
}

/** Reads the configuration and the store, caching the result for `ttlMs` (default one minute). */
export function publicRecordSource(store: Store, configPath = transparencyConfigPath(), ttlMs = 60_000): PublicRecordSource {
  let cached: { at: number; value: Promise<PublicTransparencyRecord | null> } | undefined;
  const build = async () => {
    if (!existsSync(configPath)) return null;
    return publicRecordOf(await buildTransparencyRecord(store, loadTransparencyConfig(configPath)));
  };
  return {
    get() {
      const now = Date.now();
      if (!cached || now - cached.at > ttlMs) {
        const value = build();
        cached = { at: now, value };
        value.catch(() => { if (cached?.value === value) cached = undefined; });
      }
      return cached.value;
    },
  };
}
