/**
 * Re-identification through the web application: a practitioner asks from the person's page, the
 * school's uploader answers from their agency's list, the practitioner reads the answer; each step
 * audited, another agency's uploader refused, and both pages pass axe in Chromium.
 */
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, WCAG_TAGS } from '../support/chromium.ts';
import { chromiumPath } from '../support/environment.ts';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../web/support/web-app.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe('re-identification pages and API', () => {
  let t: TestApp;
  let personId: string;
  const previousKey = process.env.TRIBUTARY_HEALTH_KEY;
  beforeAll(async () => {
    process.env.TRIBUTARY_HEALTH_KEY = randomBytes(32).toString('base64');
    t = await startTestApp(storeTargets[0]!);
    personId = t.fixtures.personId;
    // The person's school record as hub-only mode holds it: an encoding in place of the identifiers.
    await t.store.sql.query(`UPDATE source_records SET clk = 'AAAA', given_name = NULL, family_name = NULL WHERE agency_id = 'school-a'
      AND id IN (SELECT source_record_id FROM person_records WHERE person_id = $1)`, [personId]);
  });
  afterAll(async () => {
    await t?.close();
    if (previousKey === undefined) delete process.env.TRIBUTARY_HEALTH_KEY; else process.env.TRIBUTARY_HEALTH_KEY = previousKey;
  });

  it('goes from a practitioner’s request to the school’s answer and back, audited', async () => {
    const practitioner = await t.actAs('practitioner', { purpose: 'early_help' });
    const page = await t.request(practitioner, { url: `/people/${personId}/reidentification` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="school-a"');
    expect(page.body).toContain('Nobody has asked yet.');

    const bad = await t.request(practitioner, { method: 'POST', url: `/people/${personId}/reidentification`, headers: formHeaders,
      payload: form({ _csrf: practitioner.csrf, agencyId: 'school-a', purpose: 'early_help', reason: 'because' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the lawful reason');

    const sent = await t.request(practitioner, { method: 'POST', url: `/people/${personId}/reidentification`, headers: formHeaders,
      payload: form({ _csrf: practitioner.csrf, agencyId: 'school-a', purpose: 'safeguarding', reason: 'A referral about this young person needs a home visit today.' }) });
    expect(sent.statusCode).toBe(303);
    const [row] = await t.store.sql.query<{ id: string | number }>('SELECT id FROM reidentification_requests WHERE person_id = $1', [personId]);
    const requestId = Number(row!.id);

    const uploader = await t.actAs('uploader');
    const list = await t.request(uploader, { url: '/reidentification' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`Request ${requestId}: your reference`);
    expect(list.body).toContain('needs a home visit today');
    const api = await t.request(uploader, { url: '/api/v1/reidentification' });
    expect(api.json()).toMatchObject({ agencyId: 'school-a', requests: [{ id: requestId, status: 'pending', purpose: 'safeguarding' }] });

    const incomplete = await t.request(uploader, { method: 'POST', url: `/reidentification/${requestId}/answer`, headers: formHeaders,
      payload: form({ _csrf: uploader.csrf, givenName: 'Jane' }) });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Enter the family name');
    const answered = await t.request(uploader, { method: 'POST', url: `/reidentification/${requestId}/answer`, headers: formHeaders,
      payload: form({ _csrf: uploader.csrf, givenName: 'Jane', familyName: 'Hubfield', dob: '2011-02-03', address: '', note: '' }) });
    expect(answered.statusCode).toBe(303);
    const again = await t.request(uploader, { method: 'POST', url: `/reidentification/${requestId}/refuse`, headers: formHeaders,
      payload: form({ _csrf: uploader.csrf, refusal: 'Too late: already answered.' }) });
    expect(again.statusCode).toBe(400);

    const readBack = await t.request(practitioner, { url: `/api/v1/people/${personId}/reidentification` });
    expect(readBack.json().requests).toMatchObject([{ id: requestId, status: 'answered', answer: { givenName: 'Jane', familyName: 'Hubfield', dob: '2011-02-03' } }]);
    const supervisor = await t.actAs('supervisor', { purpose: 'early_help' });
    const other = await t.request(supervisor, { url: `/api/v1/people/${personId}/reidentification` });
    if (other.statusCode === 200) expect(other.json().requests).toMatchObject([{ id: requestId, answer: null }]);
    const audit = await t.store.sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'reidentification.%' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['reidentification.requested', 'reidentification.answered', 'reidentification.viewed']);
    const [sealed] = await t.store.sql.query<{ answer_sealed: string }>('SELECT answer_sealed FROM reidentification_requests WHERE id = $1', [requestId]);
    expect(sealed!.answer_sealed).toMatch(/^v1:/);
    expect(sealed!.answer_sealed).not.toContain('Hubfield');
  });

  it('refuses another agency’s request and unknown ids', async () => {
    const practitioner = await t.actAs('practitioner', { purpose: 'early_help' });
    const created = await t.request(practitioner, { method: 'POST', url: `/api/v1/people/${personId}/reidentification`,
      headers: { 'x-csrf-token': practitioner.csrf }, payload: { agencyId: 'school-a', purpose: 'early_help', reason: 'To offer the family an early help assessment.' } });
    expect(created.statusCode).toBe(200);
    const { id } = created.json() as { id: number };
    await t.store.sql.query(`UPDATE reidentification_requests SET agency_id = 'police-b' WHERE id = $1`, [id]);
    const uploader = await t.actAs('uploader');
    const refused = await t.request(uploader, { method: 'POST', url: `/api/v1/reidentification/${id}/refuse`,
      headers: { 'x-csrf-token': uploader.csrf }, payload: { refusal: 'Not ours to answer at all.' } });
    expect(refused.statusCode).toBe(403);
    const missing = await t.request(uploader, { method: 'POST', url: '/api/v1/reidentification/999999/refuse',
      headers: { 'x-csrf-token': uploader.csrf }, payload: { refusal: 'No such request at all.' } });
    expect(missing.statusCode).toBe(404);
    const noRecord = await t.request(practitioner, { method: 'POST', url: `/api/v1/people/${personId}/reidentification`,
      headers: { 'x-csrf-token': practitioner.csrf }, payload: { agencyId: 'police-b', purpose: 'early_help', reason: 'To offer the family an early help assessment.' } });
    expect(noRecord.statusCode).toBe(400);
  });

  it.skipIf(!chromiumPath)('both pages pass axe in Chromium', { timeout: 120_000 }, async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchChromium();
    try {
      await t.store.sql.query(`UPDATE reidentification_requests SET agency_id = 'school-a'`);
      for (const [role, path] of [['practitioner', `/people/${personId}/reidentification`], ['uploader', '/reidentification']] as const) {
        const actor = await t.actAs(role, { purpose: role === 'practitioner' ? 'early_help' : undefined });
        const context = await browser.newContext();
        await context.addCookies([{ name: 'tributary_session', value: actor.cookie.split('=')[1]!, url: base }]);
        const page = await context.newPage();
        const response = await page.goto(`${base}${path}`);
        expect(response?.status(), path).toBe(200);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
