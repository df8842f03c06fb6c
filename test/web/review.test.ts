/** The review queue: the open pairs, one pair side by side with its comparison, and the audited decision. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

describe.each(storeTargets)('review queue on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it('lists the open pairs for an analyst', async () => {
    const actor = await t.actAs('analyst');
    const queue = (await t.request(actor, { url: '/api/v1/review-queue' })).json();
    expect(queue.items).toEqual([{ id: t.fixtures.reviewItemId, leftAgency: 'Riverside Academy', rightAgency: 'County Police', matchProbability: 0.74, matchWeight: 1.5 }]);
    const page = await t.request(actor, { url: '/review' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/review/${t.fixtures.reviewItemId}"`);
  });

  it('shows the two records side by side with the stored comparison vector when the run has no model', async () => {
    const actor = await t.actAs('analyst');
    const item = (await t.request(actor, { url: `/api/v1/review-queue/${t.fixtures.reviewItemId}` })).json();
    expect(item.waterfall).toBeNull();
    expect(item.comparison).toContainEqual({ column: 'dob', level: 3 });
    expect(item.left.fields).toContainEqual({ label: 'Given name', value: 'Tom' });
    expect(item.right.fields).toContainEqual({ label: 'PNC id', value: '09/654321B' });
    const page = await t.request(actor, { url: `/review/${t.fixtures.reviewItemId}` });
    expect(page.statusCode).toBe(200);
    for (const text of ['Thomas', 'Browne', '09/654321B', 'Comparison levels', 'Are these the same person?']) expect(page.body).toContain(text);
    expect((await t.request(actor, { url: '/review/999999' })).statusCode).toBe(404);
  });

  it('records a decision with CSRF, audited, and takes the pair off the queue', async () => {
    const actor = await t.actAs('analyst');
    const url = `/review/${t.fixtures.reviewItemId}`;
    expect((await t.request(actor, { method: 'POST', url, payload: { decision: 'match' } })).statusCode).toBe(403);
    expect((await t.request(actor, { method: 'POST', url, payload: { _csrf: actor.csrf } })).statusCode).toBe(400);
    const response = await t.request(actor, { method: 'POST', url, payload: { _csrf: actor.csrf, decision: 'non_match' } });
    expect(response.statusCode).toBe(303);
    const [row] = await t.store.sql.query<{ status: string; decided_by: string; decided_at: unknown }>(
      'SELECT status, decided_by, decided_at FROM review_items WHERE id = $1', [t.fixtures.reviewItemId]);
    expect(row).toMatchObject({ status: 'non_match', decided_by: 'analyst' });
    expect(row!.decided_at).not.toBeNull();
    const audit = await t.store.sql.query<{ action: string }>('SELECT action FROM audit_log WHERE subject_ref = $1', [`review_item:${t.fixtures.reviewItemId}`]);
    expect(audit.map((a) => a.action)).toEqual(['decision.recorded']);
    expect((await t.request(actor, { url: '/api/v1/review-queue' })).json().items).toEqual([]);
    expect((await t.request(actor, { method: 'POST', url, payload: { _csrf: actor.csrf, decision: 'match' } })).statusCode).toBe(400);
  });

  it('refuses a practitioner', async () => {
    const actor = await t.actAs('practitioner');
    expect((await t.request(actor, { url: `/review/${t.fixtures.reviewItemId}` })).statusCode).toBe(403);
  });
});
