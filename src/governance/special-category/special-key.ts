/**
 * Where the special category key comes from: `TRIBUTARY_HEALTH_KEY` (32 bytes as base64 or hex) in
 * any real deployment; for the demo only, a key generated once and kept in the data folder, with a
 * warning, because a key beside the data it protects protects nothing against whoever has the folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecialCategoryError, type SpecialCategoryKey } from './special-envelope.ts';

export interface LoadedKey {
  key: SpecialCategoryKey;
  source: 'environment' | 'demo-file';
  /** Set when the key is not fit for real data. */
  warning?: string;
}

export interface LoadKeyOptions {
  /** The data folder where a demo key may be generated and kept. */
  dataDir?: string;
  /** Allow the demo-file fallback (default false: no key in the environment is an error). */
  allowDemoKey?: boolean;
}

/** Decodes a key written as 64 hex digits or as base64 of 32 bytes. */
export function parseSpecialCategoryKey(text: string): SpecialCategoryKey {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new SpecialCategoryError('TRB_SPECIAL_BAD_KEY',
      'TRIBUTARY_HEALTH_KEY must be 32 bytes, as 64 hex digits or base64 (make one with: openssl rand -base64 32)');
  }
  return key;
}

/**
 * The key that seals health events: from `TRIBUTARY_HEALTH_KEY`, or — when `allowDemoKey` — from
 * `<dataDir>/special-category.key`, generated on first use.
 */
export function loadSpecialCategoryKey(env: NodeJS.ProcessEnv, options: LoadKeyOptions = {}): LoadedKey {
  const configured = env.TRIBUTARY_HEALTH_KEY?.trim();
  if (configured) return { key: parseSpecialCategoryKey(configured), source: 'environment' };
  if (!options.allowDemoKey || !options.dataDir) {
    throw new SpecialCategoryError('TRB_SPECIAL_BAD_KEY',
      'no TRIBUTARY_HEALTH_KEY: set it to 32 random bytes (openssl rand -base64 32) before loading health data');
  }
  const path = join(options.dataDir, 'special-category.key');
  if (!existsSync(path)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return {
    key: parseSpecialCategoryKey(readFileSync(path, 'utf8')),
    source: 'demo-file',
    warning: `DEMO ONLY: health data is sealed with a key kept beside the data (${path}). `
      + 'Set TRIBUTARY_HEALTH_KEY from a secrets store before loading any real data.',
  };
}
