/** The worklist page: a GET form of filters (usable without JavaScript), the table and MoJ pagination. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPseudonymised } from '../access/scope.ts';
import type { AppContext } from '../app-context.ts';
import { caseworkConfig } from '../casework/casework-config.ts';
import { ageBandLabels, AGE_BANDS, ALLOCATION_FILTERS, loadWorklist, WorklistQuerySchema, type Worklist, type WorklistQuery } from './worklist-data.ts';

/** The user's team (id and name), or null. */
export async function teamOf(ctx: AppContext, teamId: string | null): Promise<{ id: string; name: string } | null> {
  if (!teamId) return null;
  const [team] = await ctx.store.sql.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [teamId]);
  return team ? { id: team.id, name: team.name } : null;
}

/** The worklist as the request's grant allows: a team-scoped grant lists that team's people only. */
export async function worklistForRequest(request: FastifyRequest, ctx: AppContext, query: WorklistQuery, teamId?: string): Promise<Worklist> {
  const own = teamId ?? request.principal!.teamId;
  const scoped = request.access?.conditions.has('own_team') ?? true;
  return loadWorklist(ctx.store, await teamOf(ctx, own), scoped ? { ...query, team: undefined } : query, {
    pseudonymised: isPseudonymised(request), pseudonymKey: ctx.settings.pseudonymKey,
    scopeTeam: scoped ? own : undefined, userId: request.principal!.userId, teams: caseworkConfig().teams,
  });
}

/** The page links to show: first, last, and two either side of the current one; null where pages are left out. */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

function pageHref(query: WorklistQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['team', 'school', 'allocation'] as const) if (query[key]) params.set(key, query[key]);
  if (query.factor) params.set('factor', query.factor);
  if (query.age) params.set('age', query.age);
  if (query.order !== 'priority') params.set('order', query.order);
  params.set('page', String(page));
  return `/worklist?${params.toString()}`;
}

export function registerWorklistRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/worklist', async (request, reply) => {
    const query = WorklistQuerySchema.parse(request.query ?? {});
    const list = await worklistForRequest(request, ctx, query);
    const pages = pageNumbers(list.page, list.pages);
    const scoped = request.access?.conditions.has('own_team') ?? true;
    const allocationLabels = { unallocated: 'Not allocated', allocated: 'Allocated', mine: 'Allocated to me' };
    return ctx.render(request, reply, 'worklist', {
      list, query, canAllocate: request.principal!.role === 'supervisor',
      teamItems: scoped ? null : [{ value: '', text: 'Any team' }, ...list.teams.map((t) => ({ value: t.id, text: t.name, selected: t.id === query.team }))],
      schoolItems: [{ value: '', text: 'Any school' }, ...list.schools.map((code) => ({ value: code, text: code, selected: code === query.school }))],
      allocationItems: [{ value: '', text: 'Anyone' }, ...ALLOCATION_FILTERS.filter((a) => scoped || a !== 'mine')
        .map((a) => ({ value: a, text: allocationLabels[a], selected: a === query.allocation }))],
      factorItems: [{ value: '', text: 'Any factor' }, ...list.factors.map((f) => ({ value: f.id, text: f.label, selected: f.id === query.factor }))],
      ageItems: [{ value: '', text: 'Any age' }, ...AGE_BANDS.map((b) => ({ value: b, text: ageBandLabels[b], selected: b === query.age }))],
      orderItems: [
        { value: 'priority', text: 'Score, then number of factors', selected: query.order === 'priority' },
        { value: 'newest', text: 'Newest change first', selected: query.order === 'newest' },
      ],
      ageBandLabels,
      pagination: {
        items: pages.map((n) => (n === null ? { type: 'dots' } : { text: String(n), href: pageHref(query, n), selected: n === list.page })),
        previous: list.page > 1 ? { text: 'Previous', href: pageHref(query, list.page - 1) } : undefined,
        next: list.page < list.pages ? { text: 'Next', href: pageHref(query, list.page + 1) } : undefined,
        results: { from: list.total ? (list.page - 1) * 25 + 1 : 0, to: Math.min(list.page * 25, list.total), count: list.total },
      },
    });
  });
}
