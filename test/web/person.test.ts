/** The person page: factors with evidence, score contributions, timeline, records, family, and reporting a data error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

describe.each(storeTargets)('person on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it('shows a practitioner who they are, why, the score as contributions, the timeline, records and family', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const person = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` })).json();
    expect(person.identity).toEqual({ name: 'Jane Smith', dob: '2011-03-02' });
    expect(person.factors.map((f: { label: string }) => f.label)).toEqual(['Offending parent or carer', 'Exclusion from school']);
    expect(person.factors[0].evidence).toEqual([{ agency: 'County Police', what: 'Caution', when: '2025-06-10', via: 'parent' }]);
    expect(person.score.contributions[0]).toEqual({ feature: 'school_exclusion', label: 'Exclusion from school', contribution: 1.4 });
    expect(person.timeline).toContainEqual({ date: '2026-05-20', agency: 'Riverside NHS Trust', what: 'NHS: substance-misuse service contact' });
    expect(JSON.stringify(person)).not.toContain('sealed:clinical-detail');
    expect(person.records.map((r: { matchProbability: number }) => r.matchProbability)).toEqual([0.99, 0.97, 0.93]);
    expect(person.family).toEqual([{ personRef: t.fixtures.parentId, relation: 'Parent', name: 'Mark Smith', href: `/people/${t.fixtures.parentId}` }]);
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(page.statusCode).toBe(200);
    for (const text of ['<h1 class="govuk-heading-l">Jane Smith</h1>', 'Contributions to the score', '+1.4', 'NHS: substance-misuse service contact', '99%', 'Report a data error']) {
      expect(page.body).toContain(text);
    }
  });

  it('shows an analyst a pseudonym, no name, no date of birth and no family names', async () => {
    const actor = await t.actAs('analyst', { purpose: 'linkage_quality' });
    const response = await t.request(actor, { url: `/api/v1/people/${t.fixtures.personId}` });
    const person = response.json();
    expect(person).toMatchObject({ identity: null, pseudonymised: true });
    expect(person.personRef).toMatch(/^psn-/);
    expect(person.family[0]).toMatchObject({ name: null, href: null });
    expect(response.body).not.toMatch(/Jane|Mark|2011-03-02|p-7f3a9c2e|p-3c9d1e4f/);
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(page.body).not.toMatch(/Jane|Mark|2011-03-02/);
    expect(page.body).not.toContain('Report a data error');
  });

  it('answers 404 for a person the store does not hold, and hides an objector’s factors', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    expect((await t.request(actor, { url: '/api/v1/people/p-unknown-1' })).statusCode).toBe(404);
    const objector = (await t.request(actor, { url: `/api/v1/people/${t.fixtures.objectingId}` })).json();
    expect(objector).toMatchObject({ objecting: true, factors: [], score: null });
  });

  it('reports a data error on one of their records with CSRF, audited, and refuses another person’s record', async () => {
    const actor = await t.actAs('practitioner', { purpose: 'early_help' });
    const url = `/people/${t.fixtures.personId}/dispute`;
    const noToken = await t.request(actor, { method: 'POST', url, payload: { sourceRecordId: String(t.fixtures.schoolRecordId), reason: 'wrong pupil' } });
    expect(noToken.statusCode).toBe(403);
    const other = await t.request(actor, { method: 'POST', url: `/people/${t.fixtures.secondPersonId}/dispute`, payload: { _csrf: actor.csrf, sourceRecordId: String(t.fixtures.schoolRecordId), reason: 'x' } });
    expect(other.statusCode).toBe(400);
    const response = await t.request(actor, { method: 'POST', url, payload: { _csrf: actor.csrf, sourceRecordId: String(t.fixtures.schoolRecordId), reason: 'This is not her suspension' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/people/${t.fixtures.personId}?reported=1`);
    const [record] = await t.store.sql.query<{ disputed: boolean }>('SELECT disputed FROM source_records WHERE id = $1', [t.fixtures.schoolRecordId]);
    expect(record!.disputed).toBe(true);
    const audit = await t.store.sql.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE subject_ref = $1`, [`source_record:${t.fixtures.schoolRecordId}`]);
    expect(audit).toEqual([{ action: 'rights.dispute_raised', actor: 'practitioner' }]);
    const page = await t.request(actor, { url: `/people/${t.fixtures.personId}?reported=1` });
    expect(page.body).toContain('Data error reported');
    expect(page.body).toContain('Reported as wrong');
  });
});
