/** Reads and validates factor definitions, reporting every problem at once. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FactorConfigSchema, type FactorConfig } from './factor-definitions.ts';

/** The shipped definitions, `config/factors.yaml` at the repository root. */
export const DEFAULT_FACTOR_CONFIG_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/factors.yaml');

export type FactorConfigResult =
  | { ok: true; config: FactorConfig }
  | { ok: false; problems: string[] };

/** Validates YAML text; each problem names the file, the path inside it and what is wrong. */
export function parseFactorConfig(text: string, source = 'factors.yaml'): FactorConfigResult {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, problems: [`${source}: not valid YAML: ${(error as Error).message}`] };
  }
  const result = FactorConfigSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      return `${source}: ${where}: ${issue.message}`;
    }),
  };
}

/** Loads a definitions file; throws one error listing every problem when it is invalid. */
export function loadFactorConfig(path = DEFAULT_FACTOR_CONFIG_PATH): FactorConfig {
  const result = parseFactorConfig(readFileSync(path, 'utf8'), path);
  if (result.ok) return result.config;
  throw new Error(`invalid factor definitions (${result.problems.length} problems):\n  ${result.problems.join('\n  ')}`);
}
