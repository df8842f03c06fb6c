/**
 * The worklist: young people with risk factors at the latest as-of date, leaving out those who
 * object, each with their latest score from an approved model (when there is one), the team holding
 * them and their allocation, ordered by score then number of factors (or newest change first),
 * filtered by team, school, factor, age band and allocation. Team-scoped viewers see their team's only.
 * Read from the `worklist_entries` read model (refreshed when its inputs change), so that a page is an
 * indexed query whatever the size of the town.
 */
import { z } from 'zod';
import { EXCLUDED_PERSONS_SQL } from '../../governance/rights/index.ts';
import type { Store } from '../../store/index.ts';
import type { TeamConfig } from '../../governance/partnership-schema.ts';
import { teamAreas } from '../casework/team-holding.ts';
import { pseudonymFor } from '../people/pseudonym.ts';
import { factorLabel } from './factor-labels.ts';
import { refreshWorklist } from './worklist-refresh.ts';

export const AGE_BANDS = ['under_10', '10_13', '14_15', '16_17', '18_plus'] as const;
export const ageBandLabels: Record<(typeof AGE_BANDS)[number], string> = {
  under_10: 'Under 10', '10_13': '10 to 13', '14_15': '14 to 15', '16_17': '16 to 17', '18_plus': '18 and over',
};
export const PAGE_SIZE = 25;
/** Counting stops here (the page shows "more than …"): a worklist is read from the top. */
const COUNT_CAP = 1000;

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
  totalAtLeast: z.boolean().describe(`true when there are more than \`total\` (counting stops at ${COUNT_CAP}, or at the page asked for)`),
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
  age_band: Worklist['items'][number]['ageBand'];
  given_name: string | null;
  family_name: string | null;
  team_id: string | null;
  school: string | null;
  allocated: boolean;
  worker_name: string | null;
}

/** Who is looking: their team scope, user id, whether pseudonymised, and the configured teams. */
export interface WorklistView {
  pseudonymised: boolean;
  pseudonymKey: string;
  /** The only team whose people may be listed (team-scoped roles); undefined for the whole partnership. */
  scopeTeam?: string | null;
  userId: string;
  teams: readonly TeamConfig[];
}

/** The person's current allocation, as a correlated subquery (so that ordered pages walk an index). */
const allocated = (condition = 'true'): string =>
  `EXISTS (SELECT 1 FROM allocations al WHERE al.person_id = we.person_id AND al.ended_at IS NULL AND ${condition})`;
/**
 * Held by team `t`: allocated to it, or not allocated elsewhere and in its area. (The same as
 * COALESCE(allocation's team, area team) = t, written so the planner can estimate it from area_team.)
 */
const heldBy = (t: string): string => `((we.area_team = ${t} AND NOT ${allocated(`al.team_id <> ${t}`)}) OR ${allocated(`al.team_id = ${t}`)})`;

const ORDER_SQL = {
  priority: 'we.probability DESC NULLS LAST, we.factor_count DESC, we.changed_on DESC, we.person_id',
  newest: 'we.changed_on DESC, we.factor_count DESC, we.person_id',
} as const;

/** The WHERE clause for the viewer's scope and the query's filters, with its parameters. */
function conditions(query: WorklistQuery, view: WorklistView): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown): string => { params.push(value); return `$${params.length}`; };
  const clauses = [`we.person_id NOT IN (${EXCLUDED_PERSONS_SQL})`];
  if (view.scopeTeam === null) clauses.push('false');
  else if (view.scopeTeam !== undefined) clauses.push(heldBy(param(view.scopeTeam)));
  if (query.team) clauses.push(heldBy(param(query.team)));
  if (query.factor) clauses.push(`${param(query.factor)} = ANY (we.factors)`);
  if (query.age) clauses.push(`we.age_band = ${param(query.age)}`);
  if (query.school) clauses.push(`we.school = ${param(query.school)}`);
  if (query.allocation === 'unallocated') clauses.push(`NOT ${allocated()}`);
  if (query.allocation === 'allocated') clauses.push(allocated());
  if (query.allocation === 'mine') clauses.push(allocated(`al.worker_id = ${param(view.userId)}`));
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

/** The worklist page `query.page` as the viewer may see it: filtered, ordered and paged in SQL. */
export async function loadWorklist(
  store: Store, team: { id: string; name: string } | null, query: WorklistQuery, view: WorklistView,
): Promise<Worklist> {
  await refreshWorklist(store, teamAreas(view.teams));
  const { where, params } = conditions(query, view);
  const cap = Math.max(COUNT_CAP, query.page * PAGE_SIZE);
  // The count, the page asked for and the filters' options are read at once; the page is read again
  // only when it was past the last one.
  const [[counted], asked, [state]] = await Promise.all([
    store.sql.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM worklist_entries we ${where} LIMIT ${cap + 1}) listed`, params),
    pageRows(store, where, params, query, query.page),
    store.sql.query<{ as_of: string | null; factors: string[] | null; schools: string[] | null; teams: Array<{ id: string; name: string }> }>(
      `SELECT ws.as_of::text AS as_of, ws.factors, ws.schools,
              (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name)), '[]'::json) FROM teams t) AS teams
         FROM (SELECT 1) one LEFT JOIN worklist_state ws ON ws.id = 1`),
  ]);
  const total = Math.min(Number(counted?.n ?? 0), cap);
  const totalAtLeast = Number(counted?.n ?? 0) > cap;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = page === query.page ? asked : await pageRows(store, where, params, query, page);
  const teamNames = new Map((state?.teams ?? []).map((t) => [t.id, t.name]));
  for (const t of view.teams) if (!teamNames.has(t.id)) teamNames.set(t.id, t.name);
  const teamIds = view.scopeTeam === undefined ? [...teamNames.keys()].sort() : view.scopeTeam === null ? [] : [view.scopeTeam];
  return {
    team, asOf: total > 0 ? state?.as_of ?? null : null, total, totalAtLeast, page, pages, status: 'ready',
    factors: (state?.factors ?? []).map((id) => ({ id, label: factorLabel(id) })),
    schools: view.pseudonymised ? [] : state?.schools ?? [],
    teams: teamIds.map((id) => ({ id, name: teamNames.get(id) ?? id })),
    items: rows.map((row) => itemOf(row, view, teamNames)),
  };
}

/** Page `page` of the list (ordered and limited in SQL), with each person's allocation. */
function pageRows(store: Store, where: string, params: unknown[], query: WorklistQuery, page: number): Promise<Row[]> {
  return store.sql.query<Row>(
    `SELECT we.person_id, we.factors, we.changed_on::text AS changed_on, we.probability, we.age_band, we.given_name,
            we.family_name, COALESCE(al.team_id, we.area_team) AS team_id, we.school, (al.id IS NOT NULL) AS allocated,
            (SELECT u.display_name FROM users u WHERE u.id = al.worker_id) AS worker_name
       FROM (SELECT we.* FROM worklist_entries we ${where}
              ORDER BY ${ORDER_SQL[query.order]} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}) we
       LEFT JOIN allocations al ON al.person_id = we.person_id AND al.ended_at IS NULL
      ORDER BY ${ORDER_SQL[query.order]}`, params);
}

/** One row as the viewer may see it. */
function itemOf(row: Row, view: WorklistView, teamNames: ReadonlyMap<string, string>): Worklist['items'][number] {
  const factors = row.factors.map((id) => ({ id, label: factorLabel(id) }));
  const name = [row.given_name, row.family_name].filter(Boolean).join(' ');
  return {
    personRef: view.pseudonymised ? pseudonymFor(view.pseudonymKey, row.person_id) : row.person_id,
    href: view.pseudonymised ? null : `/people/${encodeURIComponent(row.person_id)}`,
    name: view.pseudonymised ? null : name || null,
    ageBand: row.age_band, score: row.probability === null ? null : Number(row.probability),
    factors, why: factors.map((f) => f.label).join(' · '), changedOn: row.changed_on,
    team: row.team_id ? { id: row.team_id, name: teamNames.get(row.team_id) ?? row.team_id } : null,
    school: view.pseudonymised ? null : row.school,
    allocation: row.allocated ? { workerName: view.pseudonymised ? null : row.worker_name } : null,
  };
}
