/**
 * Which team holds a young person: the team they are allocated to; else the team whose schools
 * include their latest school (the `school` attribute of a school record, an LAEstab); else the team
 * whose localities include the postcode district of their latest address; else the catch-all team;
 * else none (then only analysts see them, by pseudonym). One SQL fragment serves the worklist and
 * the access check, so the two cannot disagree.
 */
import type { TeamConfig } from '../../governance/partnership-schema.ts';
import type { Store } from '../../store/index.ts';

/** The teams' areas as one JSON parameter: school → team, district → team, the catch-all team. */
export function teamAreas(teams: readonly TeamConfig[]): string {
  const schools: Record<string, string> = {};
  const localities: Record<string, string> = {};
  for (const team of teams) {
    for (const school of team.schools) schools[school] = team.id;
    for (const locality of team.localities) localities[locality] = team.id;
  }
  return JSON.stringify({ schools, localities, fallback: teams.find((t) => t.catch_all)?.id ?? null });
}

/**
 * Aggregates over a person's subject records (`sr`, grouped by person) giving `school` (their latest
 * school record's LAEstab) and `district` (the postcode district of their latest address).
 */
export const PLACE_AGGREGATES = `
  (array_agg(sr.attributes->>'school' ORDER BY sr.loaded_at DESC, sr.id DESC) FILTER (WHERE sr.attributes->>'school' IS NOT NULL))[1] AS school,
  (array_agg(upper(split_part(trim(sr.postcode), ' ', 1)) ORDER BY sr.loaded_at DESC, sr.id DESC) FILTER (WHERE sr.postcode IS NOT NULL))[1] AS district`;

/**
 * The holding team's id, given the areas parameter `areas` (e.g. `$1`), the current allocation's
 * alias `al` and the place columns `pl.school`, `pl.district` (from `PLACE_AGGREGATES`).
 */
export function teamSql(areas: string, al = 'al', pl = 'pl'): string {
  return `COALESCE(${al}.team_id, ${areaTeamSql(areas, pl)})`;
}

/** The team whose area holds the person before any allocation: school, else district, else the catch-all. */
export function areaTeamSql(areas: string, pl = 'pl'): string {
  return `COALESCE((${areas}::jsonb->'schools')->>${pl}.school, (${areas}::jsonb->'localities')->>${pl}.district, ${areas}::jsonb->>'fallback')`;
}

/** The team holding `personId`: its id, null when no team does, undefined when there is no such person. */
export async function teamHolding(store: Store, teams: readonly TeamConfig[], personId: string): Promise<string | null | undefined> {
  const [row] = await store.sql.query<{ team: string | null }>(
    `SELECT ${teamSql('$2')} AS team FROM persons p
       LEFT JOIN allocations al ON al.person_id = p.id AND al.ended_at IS NULL
       LEFT JOIN LATERAL (SELECT ${PLACE_AGGREGATES} FROM person_records pr
         JOIN source_records sr ON sr.id = pr.source_record_id AND sr.kind = 'subject' WHERE pr.person_id = p.id) pl ON true
      WHERE p.id = $1`, [personId, teamAreas(teams)]);
  return row === undefined ? undefined : row.team;
}
