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
 * Joins for the person in column `person` (e.g. `f.person_id`) given the areas parameter `$n`:
 * adds `al` (current allocation), `sch.school`, `loc.district`; `team` is the holding team's id.
 */
export function holdingSql(person: string, areas: string): { joins: string; team: string } {
  const latest = (column: string, extra: string) => `(SELECT ${column} FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id
      WHERE pr.person_id = ${person} AND sr.kind = 'subject' AND ${extra} ORDER BY sr.loaded_at DESC, sr.id DESC LIMIT 1)`;
  return {
    joins: `LEFT JOIN allocations al ON al.person_id = ${person} AND al.ended_at IS NULL
      LEFT JOIN LATERAL ${latest(`sr.attributes->>'school' AS school`, `sr.attributes->>'school' IS NOT NULL`)} sch ON true
      LEFT JOIN LATERAL ${latest(`upper(split_part(trim(sr.postcode), ' ', 1)) AS district`, `sr.postcode IS NOT NULL`)} loc ON true`,
    team: `COALESCE(al.team_id, (${areas}::jsonb->'schools')->>sch.school, (${areas}::jsonb->'localities')->>loc.district, ${areas}::jsonb->>'fallback')`,
  };
}

/** The team holding `personId`: its id, null when no team does, undefined when there is no such person. */
export async function teamHolding(store: Store, teams: readonly TeamConfig[], personId: string): Promise<string | null | undefined> {
  const { joins, team } = holdingSql('p.id', '$2');
  const [row] = await store.sql.query<{ team: string | null }>(
    `SELECT ${team} AS team FROM persons p ${joins} WHERE p.id = $1`, [personId, teamAreas(teams)]);
  return row === undefined ? undefined : row.team;
}
