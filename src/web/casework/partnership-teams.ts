/** The teams of `partnership.yaml`, checked: no team twice, no school or locality in two teams, one catch-all at most. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePartnership } from '../../governance/partnership-loader.ts';
import type { TeamConfig } from '../../governance/partnership-schema.ts';

/** Problems with the teams' areas, as `teams.<i>.<field>: message`. */
export function teamProblems(teams: readonly TeamConfig[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const areas = new Map<string, string>();
  teams.forEach((team, index) => {
    if (ids.has(team.id)) problems.push(`teams.${index}.id: team "${team.id}" is listed twice`);
    ids.add(team.id);
    for (const [field, values] of [['schools', team.schools], ['localities', team.localities]] as const) {
      for (const value of values) {
        const owner = areas.get(`${field}:${value}`);
        if (owner && owner !== team.id) problems.push(`teams.${index}.${field}: "${value}" is already "${owner}"'s`);
        areas.set(`${field}:${value}`, team.id);
      }
    }
  });
  const catchAll = teams.filter((t) => t.catch_all).map((t) => t.id);
  if (catchAll.length > 1) problems.push(`teams: only one team may be the catch-all (${catchAll.join(', ')} are)`);
  return problems;
}

/** Reads the teams of `<configDir>/partnership.yaml` (none when the file is absent); throws listing every problem. */
export function readPartnershipSync(configDir: string): TeamConfig[] {
  const file = join(configDir, 'partnership.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const result = parsePartnership(text);
  const problems = result.ok ? teamProblems(result.config.teams) : result.problems.map((p) => `${p.path}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);
  if (!result.ok || problems.length) throw new Error(`invalid teams in ${file} (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  return result.config.teams;
}
