/**
 * The worklist: young people with risk factors at the latest as-of date, leaving out those who
 * object, each with their latest score from an approved model (when there is one), the team holding
 * them and their allocation, ordered by score then number of factors (or newest change first),
 * filtered by team, school, factor, age band and allocation. Team-scoped viewers see their team's only.
 */
import { z } from 'zod';
import { EXCLUDED_PERSONS_SQL } from '../../governance/rights/index.ts';
import type { Store } from '../../store/index.ts';
import type { TeamConfig } from '../../governance/partnership-schema.ts';
import { PLACE_AGGREGATES, teamAreas, teamSql } from '../casework/team-holding.ts';
import { pseudonymFor } from '../people/pseudonym.ts';
import { factorLabel } from './factor-labels.ts';

export const AGE_BANDS = ['under_10', '10_13', '14_15', '16_17', '18_plus'] as const;
export const ageBandLabels: Record<(typeof AGE_BANDS)[number], string> = {
  under_10: 'Under 10', '10_13': '10 to 13', '14_15': '14 to 15', '16_17': '16 to 17', '18_plus': '18 and over',
};
export const PAGE_SIZE = 25;

export const ALLOCATION_FILTERS = ['unallocated', 'allocated', 'mine'] as const;
export const WorklistQuerySchema = z.object({
  team: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional().catch(undefined).describe('a team id (analysts; others see their own team)'),
  school: z.string().regex(/^\d{7}$/).optional().catch(undefined).describe('a school (LAEstab)'),
  allocation: z.enum(ALLOCATION_FILTERS).optional().catch(undefined).describe('unallocated, allocated, or allocated to me'),
  factor: z.string().regex(/^[a-z][a-z0-9_]*$/).optional().catch(undefined),
  age: z.enum(AGE_BANDS).optional().catch(undefined),
  order: z.enum(['priority', 'newest']).default('priority').catch('priority'),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});
export type WorklistQuery = z.infer<typeof WorklistQuerySchema>;

export const WorklistItemSchema = z.object({
  personRef: z.string().describe('the person id, or a pseudonym for analysts'),
  href: z.string().nullable().describe('the person page, when the viewer may open it by id'),
  name: z.string().nullable().describe('from their records; null when pseudonymised'),
  ageBand: z.enum(AGE_BANDS).nullable(),
  score: z.number().nullable().describe('probability from the latest approved model, when scored'),
  factors: z.array(z.object({ id: z.string(), label: z.string() })),
  why: z.string().describe('the factor labels on one line'),
  changedOn: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable().describe('the team holding them'),
  school: z.string().nullable().describe('their latest school (LAEstab); null when pseudonymised or unknown'),
  allocation: z.object({ workerName: z.string().nullable() }).nullable().describe('null when not allocated; workerName null when held by the team'),
});
export const WorklistSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  asOf: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  items: z.array(WorklistItemSchema),
  factors: z.array(z.object({ id: z.string(), label: z.string() })).describe('factors present, for the filter'),
  schools: z.array(z.string()).describe('schools present, for the filter'),
  teams: z.array(z.object({ id: z.string(), name: z.string() })).describe('teams holding someone listed, for the filter'),
  status: z.literal('ready'),
});
export type Worklist = z.infer<typeof WorklistSchema>;

interface Row {
  person_id: string;
  factors: string[];
  changed_on: string;
  probability: number | null;
  age: number | null;
  given_name: string | null;
  family_name: string | null;
  as_of: string;
  team_id: string | null;
  school: string | null;
  allocated: boolean;
  worker_id: string | null;
  worker_name: string | null;
}

function ageBand(age: number | null): Worklist['items'][number]['ageBand'] {
  if (age === null || Number.isNaN(age)) return null;
  if (age < 10) return 'under_10';
  if (age <= 13) return '10_13';
  if (age <= 15) return '14_15';
  return age <= 17 ? '16_17' : '18_plus';
}

const WORKLIST_SQL = `
WITH latest AS (SELECT max(as_of) AS as_of FROM factor_instances),
f AS (
  SELECT fi.person_id, array_agg(fi.factor ORDER BY fi.factor) AS factors, max(fi.last_seen) AS changed_on
    FROM factor_instances fi JOIN latest ON fi.as_of = latest.as_of
   WHERE fi.person_id NOT IN (${EXCLUDED_PERSONS_SQL})
   GROUP BY fi.person_id),
s AS (
  SELECT DISTINCT ON (sc.person_id) sc.person_id, sc.probability
    FROM scores sc JOIN model_versions mv ON mv.id = sc.model_version_id AND mv.status = 'approved'
   WHERE sc.person_id IN (SELECT person_id FROM f)
   ORDER BY sc.person_id, sc.as_of DESC, sc.scored_at DESC),
pl AS (
  SELECT pr.person_id,
         (array_agg(sr.given_name ORDER BY (sr.dob IS NULL), sr.id))[1] AS given_name,
         (array_agg(sr.family_name ORDER BY (sr.dob IS NULL), sr.id))[1] AS family_name,
         (array_agg(sr.dob ORDER BY (sr.dob IS NULL), sr.id))[1] AS dob, ${PLACE_AGGREGATES}
    FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id AND sr.kind = 'subject'
   WHERE pr.person_id IN (SELECT person_id FROM f)
   GROUP BY pr.person_id)
SELECT f.person_id, f.factors, f.changed_on::text AS changed_on, s.probability, latest.as_of::text AS as_of,
       pl.given_name, pl.family_name, date_part('year', age(latest.as_of, pl.dob))::int AS age,
       ${teamSql('$1')} AS team_id, pl.school, (al.id IS NOT NULL) AS allocated, al.worker_id, u.display_name AS worker_name
  FROM f CROSS JOIN latest LEFT JOIN s ON s.person_id = f.person_id LEFT JOIN pl ON pl.person_id = f.person_id
  LEFT JOIN allocations al ON al.person_id = f.person_id AND al.ended_at IS NULL
  LEFT JOIN users u ON u.id = al.worker_id`;

/** Who is looking: their team scope, user id, whether pseudonymised, and the configured teams. */
export interface WorklistView {
  pseudonymised: boolean;
  pseudonymKey: string;
  /** The only team whose people may be listed (team-scoped roles); undefined for the whole partnership. */
  scopeTeam?: string | null;
  userId: string;
  teams: readonly TeamConfig[];
}

/** The worklist page `query.page` as the viewer may see it. */
export async function loadWorklist(
  store: Store, team: { id: string; name: string } | null, query: WorklistQuery, view: WorklistView,
): Promise<Worklist> {
  const all = await store.sql.query<Row>(WORKLIST_SQL, [teamAreas(view.teams)]);
  const rows = view.scopeTeam === undefined ? all : all.filter((row) => view.scopeTeam !== null && row.team_id === view.scopeTeam);
  const teamNames = new Map((await store.sql.query<{ id: string; name: string }>('SELECT id, name FROM teams')).map((t) => [t.id, t.name]));
  for (const t of view.teams) if (!teamNames.has(t.id)) teamNames.set(t.id, t.name);
  const present = [...new Set(rows.flatMap((row) => row.factors))].sort().map((id) => ({ id, label: factorLabel(id) }));
  const items = rows.map((row) => ({ row, band: ageBand(row.age === null ? null : Number(row.age)) }))
    .filter(({ row, band }) => (!query.factor || row.factors.includes(query.factor)) && (!query.age || band === query.age)
      && (!query.team || row.team_id === query.team) && (!query.school || row.school === query.school)
      && (!query.allocation || (query.allocation === 'unallocated' ? !row.allocated
        : query.allocation === 'allocated' ? row.allocated : row.worker_id === view.userId)));
  items.sort(({ row: a }, { row: b }) => (query.order === 'newest'
    ? b.changed_on.localeCompare(a.changed_on) || b.factors.length - a.factors.length
    : (b.probability ?? -1) - (a.probability ?? -1) || b.factors.length - a.factors.length || b.changed_on.localeCompare(a.changed_on))
    || a.person_id.localeCompare(b.person_id));
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const teamIds = [...new Set(rows.map((row) => row.team_id).filter((id): id is string => id !== null))].sort();
  return {
    team, asOf: all[0]?.as_of ?? null, total: items.length, page, pages, factors: present, status: 'ready',
    schools: view.pseudonymised ? [] : [...new Set(rows.map((row) => row.school).filter((s): s is string => s !== null))].sort(),
    teams: teamIds.map((id) => ({ id, name: teamNames.get(id) ?? id })),
    items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ row, band }) => {
      const factors = row.factors.map((id) => ({ id, label: factorLabel(id) }));
      const name = [row.given_name, row.family_name].filter(Boolean).join(' ');
      return {
        personRef: view.pseudonymised ? pseudonymFor(view.pseudonymKey, row.person_id) : row.person_id,
        href: view.pseudonymised ? null : `/people/${encodeURIComponent(row.person_id)}`,
        name: view.pseudonymised ? null : name || null,
        ageBand: band, score: row.probability === null ? null : Number(row.probability),
        factors, why: factors.map((f) => f.label).join(' · '), changedOn: row.changed_on,
        team: row.team_id ? { id: row.team_id, name: teamNames.get(row.team_id) ?? row.team_id } : null,
        school: view.pseudonymised ? null : row.school,
        allocation: row.allocated ? { workerName: view.pseudonymised ? null : row.worker_name } : null,
      };
    }),
  };
}
