/**
 * Casework in-process: who holds whom (teams by school and locality, allocation), decisions (a data
 * error opens a dispute), consent, support plans and outcomes, the catalogue's suggestions, the
 * score trend and link explanations on the person page, and the JSON API for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamAreas, teamHolding } from '../../src/web/casework/team-holding.ts';
import { teamProblems } from '../../src/web/casework/partnership-teams.ts';
import { storeTargets } from '../support/stores.ts';
import { trainedModel } from './support/trained-model.ts';
import { startTestApp, type Actor, type TestApp } from './support/web-app.ts';

const form = (actor: Actor, fields: Record<string, string>) => ({ _csrf: actor.csrf, ...fields });

describe.each(storeTargets)('casework on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  const audited = async (action: string, subject: string) => t.store.sql.query<{ actor: string; details: Record<string, unknown> }>(
    'SELECT actor, details FROM audit_log WHERE action = $1 AND subject_ref = $2 ORDER BY seq', [action, subject]);

  it('places people in teams: allocation first, then school, then locality, then the catch-all', async () => {
    const teams = [
      { id: 'north', name: 'North', schools: ['9904001'], localities: ['TB1'], catch_all: false },
      { id: 'south', name: 'South', schools: [], localities: ['TB6'], catch_all: true },
    ];
    expect(await teamHolding(t.store, teams, t.fixtures.personId)).toBe('north');
    expect(await teamHolding(t.store, teams, t.fixtures.southPersonId)).toBe('south');
    await t.store.sql.query(`UPDATE source_records SET attributes = '{"school":"9904001"}' WHERE local_id = 'FIX-8'`);
    expect(await teamHolding(t.store, teams, t.fixtures.southPersonId)).toBe('north');
    await t.store.sql.query(`UPDATE source_records SET attributes = NULL WHERE local_id = 'FIX-8'`);
    expect(await teamHolding(t.store, [teams[0]!], t.fixtures.southPersonId)).toBeNull();
    expect(await teamHolding(t.store, teams, 'p-nobody-here')).toBeUndefined();
    expect(JSON.parse(teamAreas(teams))).toEqual({ schools: { '9904001': 'north' }, localities: { TB1: 'north', TB6: 'south' }, fallback: 'south' });
    expect(teamProblems([...teams, { ...teams[1]!, id: 'east', localities: ['TB1'] }])).toEqual([
      'teams.2.localities: "TB1" is already "north"\'s', 'teams: only one team may be the catch-all (south, east are)',
    ]);
  });

  it('shows a practitioner their team’s people only, and refuses another team’s person everywhere', async () => {
    const north = await t.actAs('practitioner', { purpose: 'early_help' });
    const south = await t.actAs('practitioner_south', { purpose: 'early_help' });
    const names = async (actor: Actor) => (await t.request(actor, { url: '/api/v1/worklist' })).json().items.map((i: { name: string }) => i.name);
    expect(await names(north)).toEqual(['Jane Smith', 'Tom Brown']);
    expect(await names(south)).toEqual(['Sara South']);
    for (const [actor, personId] of [[south, t.fixtures.personId], [north, t.fixtures.southPersonId]] as const) {
      for (const url of [`/people/${personId}`, `/api/v1/people/${personId}`, `/api/v1/people/${personId}/casework`]) {
        const response = await t.request(actor, { url });
        expect(response.statusCode, url).toBe(403);
        expect(response.body).toContain('NOT_YOUR_TEAM');
      }
      const post = await t.request(actor, { method: 'POST', url: `/people/${personId}/decision`, payload: form(actor, { kind: 'no_action', reason: 'x' }) });
      expect(post.statusCode).toBe(403);
    }
    expect(await t.store.sql.query('SELECT id FROM decisions')).toEqual([]);
    const refusals = await t.store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.refused' AND details->>'code' = 'NOT_YOUR_TEAM'`);
    expect(refusals[0]!.n).toBeGreaterThanOrEqual(8);
  });

  it('shows the score as contributions and its trend, the link waterfall or comparison, and the catalogue’s suggestions', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const person = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` })).json();
    expect(person.trend).toEqual([
      { asOf: '2026-04-01', probability: 0.41, modelVersionId: 'mv-test-1' },
      { asOf: '2026-10-01', probability: 0.72, modelVersionId: 'mv-test-1' },
    ]);
    expect(person.trendChart.data.values).toHaveLength(2);
    expect(person.trendChart.mark).toMatchObject({ type: 'line' });
    expect(person.links).toEqual([expect.objectContaining({
      matchProbability: 0.99, belowThreshold: false, waterfall: null, comparison: expect.arrayContaining([{ column: 'dob', level: 3 }]),
    })]);
    const casework = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}/casework` })).json();
    expect(casework.heldBy).toEqual({ id: 'early-help-north', name: 'Early help – north' });
    expect(casework.recommended.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['family-support-worker', 'school-inclusion-mentoring', 'children-of-offenders-programme']));
    expect(casework.recommended.map((o: { id: string }) => o.id)).not.toContain('neet-engagement');
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(page.body).toContain(`<img src="/people/${t.fixtures.personId}/trend.svg" alt="Line chart of the estimated likelihood`);
    const svg = await t.request(actor, { url: `/people/${t.fixtures.personId}/trend.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect((await t.request(actor, { url: `/people/${t.fixtures.secondPersonId}/trend.svg` })).statusCode).toBe(404);
    expect((await t.request(await t.actAs('practitioner_south', { purpose: 'early_help' }), { url: `/people/${t.fixtures.personId}/trend.svg` })).statusCode).toBe(403);
    for (const text of ['How the score has changed', '41%', 'How the records were linked', 'Comparison levels', 'Support the catalogue suggests',
      'Family support worker (early help)', 'Record decision', 'Start support plan', 'Record consent']) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body).not.toContain('Allocate to'); // practitioners do not allocate
  });

  it('records a decision with its reason and the score seen, audited; a reason is required', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const url = `/people/${t.fixtures.personId}/decision`;
    expect((await t.request(actor, { method: 'POST', url, payload: { kind: 'offer_support', reason: 'no token' } })).statusCode).toBe(403);
    const missing = await t.request(actor, { method: 'POST', url, payload: form(actor, { kind: 'offer_support', reason: ' ' }) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Give the reason for the decision');
    expect(missing.body).toContain('href="#decision-reason"');
    expect(missing.body).toMatch(/<title>Error: /);
    const done = await t.request(actor, { method: 'POST', url, payload: form(actor, { kind: 'offer_support', reason: 'Exclusion and her father’s caution: offer family support' }) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/people/${t.fixtures.personId}?done=decision#decision`);
    const [decision] = await t.store.sql.query<Record<string, unknown>>('SELECT kind, reason, model_version_id, probability, team_id, decided_by FROM decisions');
    expect(decision).toMatchObject({ kind: 'offer_support', model_version_id: 'mv-test-1', team_id: 'early-help-north', decided_by: 'practitioner' });
    expect(Number(decision!.probability)).toBe(0.72);
    const audit = await audited('decision.recorded', t.fixtures.personId);
    expect(audit).toEqual([{ actor: 'practitioner', details: { kind: 'offer_support', dispute_id: null, model_version_id: 'mv-test-1' } }]);
    expect(JSON.stringify(audit)).not.toContain('caution'); // the reason stays out of the audit log
    const page = await t.request(actor, { url: done.headers.location as string });
    expect(page.body).toContain('Decision recorded.');
    expect(page.body).toContain('Exclusion and her father’s caution: offer family support');
  });

  it('opens a dispute for a data-error decision, which must name one of their records', async () => {
    const actor = await t.actAs('supervisor', { purpose: 'early_help' });
    const url = `/api/v1/people/${t.fixtures.secondPersonId}/decisions`;
    const headers = { 'x-csrf-token': actor.csrf };
    const noRecord = await t.request(actor, { method: 'POST', url, headers, payload: { kind: 'data_error', reason: 'wrong pupil' } });
    expect(noRecord.statusCode).toBe(400);
    expect(noRecord.json().error.message).toContain('sourceRecordId');
    const notTheirs = await t.request(actor, { method: 'POST', url, headers, payload: { kind: 'data_error', reason: 'x', sourceRecordId: t.fixtures.schoolRecordId } });
    expect(notTheirs.statusCode).toBe(400);
    const [tom] = await t.store.sql.query<{ id: number | string }>(`SELECT id FROM source_records WHERE local_id = 'FIX-4'`);
    const response = await t.request(actor, { method: 'POST', url, headers, payload: { kind: 'data_error', reason: 'Not his exclusion', sourceRecordId: Number(tom!.id) } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: expect.any(Number), disputeId: expect.any(Number) });
    const [record] = await t.store.sql.query<{ disputed: boolean }>('SELECT disputed FROM source_records WHERE id = $1', [tom!.id]);
    expect(record!.disputed).toBe(true);
    expect(await audited('rights.dispute_raised', `source_record:${tom!.id}`)).toHaveLength(1);
  });

  it('records consent, starts a plan from the catalogue, and records an outcome that closes it', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const base = `/people/${t.fixtures.personId}`;
    const consent = await t.request(actor, { method: 'POST', url: `${base}/consent`, payload: form(actor, { status: 'given', givenBy: 'parent_carer', note: 'Mother agreed by phone' }) });
    expect(consent.statusCode).toBe(303);
    const noOffer = await t.request(actor, { method: 'POST', url: `${base}/plans`, payload: form(actor, { offerId: 'magic-wand', goal: 'Back in school' }) });
    expect(noOffer.statusCode).toBe(400);
    expect(noOffer.body).toContain('Select an offer from the support catalogue');
    const badDates = await t.request(actor, { method: 'POST', url: `${base}/plans`, payload: form(actor, { offerId: 'school-inclusion-mentoring', goal: 'Back in school', startOn: '2026-12-01', reviewOn: '2026-11-01' }) });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.body).toContain('The review date must be on or after the start date');
    const plan = await t.request(actor, { method: 'POST', url: `${base}/plans`, payload: form(actor, { offerId: 'school-inclusion-mentoring', goal: 'Back in school full time', startOn: '2026-11-01', reviewOn: '2027-01-31' }) });
    expect(plan.statusCode).toBe(303);
    const [row] = await t.store.sql.query<{ id: number | string; status: string }>('SELECT id, status FROM support_plans WHERE person_id = $1', [t.fixtures.personId]);
    expect(row!.status).toBe('active');
    const otherPersons = await t.request(actor, { method: 'POST', url: `/people/${t.fixtures.secondPersonId}/plans/${row!.id}/outcomes`, payload: form(actor, { outcome: 'goal_met' }) });
    expect(otherPersons.statusCode).toBe(400);
    const outcome = await t.request(actor, { method: 'POST', url: `${base}/plans/${row!.id}/outcomes`, payload: form(actor, { outcome: 'goal_met', status: 'completed', note: 'Attending every day' }) });
    expect(outcome.statusCode).toBe(303);
    const casework = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}/casework` })).json();
    expect(casework.consent).toMatchObject({ status: 'given', givenBy: 'parent_carer', recordedBy: 'practitioner' });
    expect(casework.plans).toEqual([expect.objectContaining({
      offer: { id: 'school-inclusion-mentoring', name: 'School inclusion mentoring', provider: 'Tributary Vale inclusion team' },
      status: 'completed', startOn: '2026-11-01', reviewOn: '2027-01-31',
      outcomes: [expect.objectContaining({ outcome: 'goal_met', label: 'Goal met', note: 'Attending every day' })],
    })]);
    for (const action of ['consent.recorded', 'support_plan.started', 'support_outcome.recorded']) {
      expect(await audited(action, t.fixtures.personId), action).toHaveLength(1);
    }
  });

  it('lets a supervisor allocate to a practitioner of the team, shown on the worklist; practitioners may not allocate', async () => {
    const supervisor = await t.actAs('supervisor', { purpose: 'early_help' });
    const practitioner = await t.actAs('practitioner', { purpose: 'early_help' });
    const url = `/people/${t.fixtures.secondPersonId}/allocation`;
    expect((await t.request(practitioner, { method: 'POST', url, payload: form(practitioner, { workerId: '' }) })).statusCode).toBe(403);
    const [south] = await t.store.sql.query<{ id: string }>(`SELECT id FROM users WHERE username = 'practitioner-south'`);
    const outsider = await t.request(supervisor, { method: 'POST', url, payload: form(supervisor, { workerId: south!.id }) });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.body).toContain('Select a member of your team');
    const page = await t.request(supervisor, { url: `/people/${t.fixtures.secondPersonId}` });
    expect(page.body).toContain('Allocate to');
    const [pat] = await t.store.sql.query<{ id: string }>(`SELECT id FROM users WHERE username = 'practitioner'`);
    expect((await t.request(supervisor, { method: 'POST', url, payload: form(supervisor, { workerId: pat!.id }) })).statusCode).toBe(303);
    expect((await t.request(supervisor, { method: 'POST', url: `/api/v1/people/${t.fixtures.secondPersonId}/allocation`, headers: { 'x-csrf-token': supervisor.csrf }, payload: { workerId: pat!.id } })).statusCode).toBe(200);
    const current = await t.store.sql.query<{ team_id: string; worker_id: string }>('SELECT team_id, worker_id FROM allocations WHERE person_id = $1 AND ended_at IS NULL', [t.fixtures.secondPersonId]);
    expect(current).toEqual([{ team_id: 'early-help-north', worker_id: pat!.id }]);
    expect(await audited('allocation.recorded', t.fixtures.secondPersonId)).toHaveLength(2);
    const mine = (await t.request(practitioner, { url: '/api/v1/worklist?allocation=mine' })).json();
    expect(mine.items.map((i: { name: string }) => i.name)).toEqual(['Tom Brown']);
    expect(mine.items[0].allocation).toEqual({ workerName: 'Pat Practitioner' });
    const unallocated = (await t.request(practitioner, { url: '/api/v1/worklist?allocation=unallocated' })).json();
    expect(unallocated.items.map((i: { name: string }) => i.name)).toEqual(['Jane Smith']);
    const worklist = await t.request(supervisor, { url: '/worklist' });
    expect(worklist.body).toContain(`href="/people/${t.fixtures.personId}#allocation">Allocate`);
    expect(worklist.body).toContain('Pat Practitioner');
  });

  it('filters the worklist by team (analysts) and school, with the filters in a GET form', async () => {
    await t.store.sql.query(`UPDATE source_records SET attributes = '{"school":"9904002"}' WHERE local_id = 'FIX-1'`);
    // Changed behind ingest's back: no new batch, so tell the worklist's read model its inputs changed.
    await t.store.sql.query('DELETE FROM worklist_state');
    const practitioner = await t.actAs('practitioner');
    const bySchool = (await t.request(practitioner, { url: '/api/v1/worklist?school=9904002' })).json();
    expect(bySchool.items.map((i: { name: string }) => i.name)).toEqual(['Jane Smith']);
    expect(bySchool.schools).toEqual(['9904002']);
    const ignored = (await t.request(practitioner, { url: '/api/v1/worklist?team=early-help-south' })).json();
    expect(ignored.items).toHaveLength(2); // a team-scoped viewer cannot widen to another team
    const analyst = await t.actAs('analyst');
    const south = (await t.request(analyst, { url: '/api/v1/worklist?team=early-help-south' })).json();
    expect(south.items).toHaveLength(1);
    expect(south.items[0]).toMatchObject({ name: null, school: null, team: { id: 'early-help-south', name: 'Early help – south' } });
    const page = await t.request(analyst, { url: '/worklist?team=early-help-south' });
    expect(page.body).toMatch(/<option value="early-help-south" selected/);
    expect(page.body).not.toContain('Sara');
    const form = await t.request(practitioner, { url: '/worklist' });
    expect(form.body).not.toContain('id="team"');
    expect(form.body).toContain('id="school"');
  });

  it('clears a review item through the API, audited; refuses it to a practitioner', async () => {
    const analyst = await t.actAs('analyst');
    const url = `/api/v1/review-queue/${t.fixtures.reviewItemId}/decision`;
    const practitioner = await t.actAs('practitioner');
    expect((await t.request(practitioner, { method: 'POST', url, headers: { 'x-csrf-token': practitioner.csrf }, payload: { decision: 'match' } })).statusCode).toBe(403);
    const response = await t.request(analyst, { method: 'POST', url, headers: { 'x-csrf-token': analyst.csrf }, payload: { decision: 'non_match' } });
    expect(response.statusCode).toBe(200);
    const [item] = await t.store.sql.query<{ status: string }>('SELECT status FROM review_items WHERE id = $1', [t.fixtures.reviewItemId]);
    expect(item!.status).toBe('non_match');
    expect((await t.request(analyst, { method: 'POST', url, headers: { 'x-csrf-token': analyst.csrf }, payload: { decision: 'match' } })).statusCode).toBe(400);
  });

  it('explains a link with the waterfall of its run’s model, as a table and a chart, once the run has a model', async () => {
    await t.store.sql.query(`UPDATE link_runs SET model = $1`, [JSON.stringify(trainedModel())]);
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const person = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` })).json();
    const [link] = person.links;
    expect(link.waterfall[0].column).toBe('prior');
    expect(link.waterfall.map((s: { column: string }) => s.column)).toEqual(['prior', 'given_name', 'family_name', 'dob', 'postcode', 'upn']);
    expect(link.chart).toMatchObject({ $schema: expect.stringContaining('vega-lite') });
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(page.body).toContain('How the weight adds up');
    expect(page.body).not.toContain('On its own this pair is below the match threshold');
    // A pair in one person below the threshold on its own (joined through other links or relation context) says so.
    await t.store.sql.query('UPDATE record_links SET match_probability = 0.41, match_weight = -0.52');
    const below = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` })).json().links[0];
    expect(below).toMatchObject({ belowThreshold: true, matchProbability: 0.41 });
    expect((await t.request(actor, { url: `/people/${t.fixtures.personId}` })).body).toMatch(/On its own this pair is below the match threshold \(\d+%\)/);
    const review = (await t.request(await t.actAs('analyst'), { url: `/api/v1/review-queue/${t.fixtures.reviewItemId}` })).json();
    expect(review.waterfall).toHaveLength(6);
  });

  it('shows the support catalogue to the governance lead and through the API, and refuses it to an uploader', async () => {
    const lead = await t.actAs('ig_lead');
    const page = await t.request(lead, { url: '/governance/support-catalogue' });
    expect(page.statusCode).toBe(200);
    for (const text of ['School inclusion mentoring', 'Vale Young People’s Recovery Service', 'Substance misuse', 'How to refer']) expect(page.body).toContain(text);
    const api = (await t.request(lead, { url: '/api/v1/governance/support-catalogue' })).json();
    expect(api.offers.find((o: { id: string }) => o.id === 'youth-housing-advice')).toMatchObject({ type: 'housing', typeLabel: 'Housing' });
    const practitioner = await t.actAs('practitioner');
    expect((await t.request(practitioner, { url: '/api/v1/support-catalogue' })).json().offers.length).toBe(api.offers.length);
    const uploader = await t.actAs('uploader');
    for (const url of ['/api/v1/support-catalogue', '/governance/support-catalogue', `/api/v1/people/${t.fixtures.personId}/casework`]) {
      expect((await t.request(uploader, { url })).statusCode, url).toBe(403);
    }
  });
});
