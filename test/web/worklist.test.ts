/** The worklist: who is on it and in which order, the filters, pagination, and what each role sees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

describe.each(storeTargets)('worklist on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it('lists young people with factors at the latest date, scored first, leaving out objectors', async () => {
    const response = await t.request(await t.actAs('practitioner'), { url: '/api/v1/worklist' });
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.asOf).toBe('2026-10-01');
    expect(list.items.map((i: { personRef: string }) => i.personRef)).toEqual([t.fixtures.personId, t.fixtures.secondPersonId]);
    expect(list.items[0]).toMatchObject({
      name: 'Jane Smith', ageBand: '14_15', score: 0.72, href: `/people/${t.fixtures.personId}`,
      why: 'Offending parent or carer · Exclusion from school',
    });
    expect(list.items[1]).toMatchObject({ name: 'Tom Brown', score: null, why: 'Exclusion from school', ageBand: '16_17' });
    expect(JSON.stringify(list)).not.toContain(t.fixtures.objectingId);
    expect(JSON.stringify(list)).not.toContain('Poor educational attainment');
  });

  it.each([
    { description: 'by factor', query: 'factor=offending_parent', expected: ['Jane Smith'] },
    { description: 'by age band', query: 'age=16_17', expected: ['Tom Brown'] },
    { description: 'newest change first', query: 'order=newest', expected: ['Tom Brown', 'Jane Smith'] },
    { description: 'an unknown filter is ignored', query: 'age=ninety&factor=DROP%20TABLE', expected: ['Jane Smith', 'Tom Brown'] },
  ])('filters $description', async ({ query, expected }) => {
    const response = await t.request(await t.actAs('supervisor'), { url: `/api/v1/worklist?${query}` });
    expect(response.json().items.map((i: { name: string }) => i.name)).toEqual(expected);
  });

  it('renders a table with a caption, the why line, filters as a GET form and pagination', async () => {
    const page = await t.request(await t.actAs('practitioner'), { url: '/worklist?factor=school_exclusion' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="get" action="/worklist"');
    expect(page.body).toMatch(/<caption[^>]*>2 young people<\/caption>/);
    expect(page.body).toContain('Offending parent or carer · Exclusion from school');
    expect(page.body).toContain(`href="/people/${t.fixtures.personId}"`);
    expect(page.body).toContain('72%');
    expect(page.body).toContain('moj-pagination');
    expect(page.body).toMatch(/<option value="school_exclusion" selected/);
  });

  it('says so when nobody matches', async () => {
    const page = await t.request(await t.actAs('practitioner'), { url: '/worklist?age=under_10' });
    expect(page.body).toContain('Nobody is on the worklist with these filters');
  });
});

describe.each(storeTargets)('worklist by role on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it('shows an analyst pseudonyms, no names and no links to people', async () => {
    const actor = await t.actAs('analyst');
    const list = (await t.request(actor, { url: '/api/v1/worklist' })).json();
    expect(list.items).toHaveLength(3);
    for (const item of list.items) {
      expect(item.personRef).toMatch(/^psn-[0-9a-f]{16}$/);
      expect(item).toMatchObject({ name: null, href: null });
    }
    const page = await t.request(actor, { url: '/worklist' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Jane');
    expect(page.body).not.toContain(t.fixtures.personId);
    expect(page.body).toContain('Offending parent or carer · Exclusion from school');
  });

  it('refuses an uploader', async () => {
    expect((await t.request(await t.actAs('uploader'), { url: '/worklist' })).statusCode).toBe(403);
  });
});
