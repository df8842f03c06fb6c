/**
 * The public transparency page: the ATRS Tier 1 record without signing in, as a page and as JSON,
 * filled from config/town/transparency.yaml and the approved model version; a partnership with no
 * configuration says so; the page passes axe's WCAG 2.2 AA checks in Chromium.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTransparencyRoutes } from '../../src/web/transparency/transparency-routes.ts';
import { publicRecordSource, type PublicTransparencyRecord } from '../../src/web/transparency/public-record.ts';
import { launchChromium, WCAG_TAGS } from '../support/chromium.ts';
import { chromiumPath } from '../support/environment.ts';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../web/support/web-app.ts';

describe('the public transparency page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(storeTargets[0]!);
  });
  afterAll(async () => t?.close());

  it('shows Tier 1 to anyone without signing in, with the approved model version', async () => {
    const page = await t.app.inject({ url: '/transparency' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Tributary early help prioritisation</h1>');
    expect(page.body).toContain('Version mv-test-1');
    expect(page.body).toContain('mailto:dpo@shire-partnership.example.org');
    expect(page.body).toContain('<li>County Police</li>');
    const json = await t.app.inject({ url: '/transparency.json' });
    expect(json.statusCode).toBe(200);
    const record = json.json<PublicTransparencyRecord>();
    expect(record).toMatchObject({ standard: 'Algorithmic Transparency Recording Standard', standardVersion: '3.0', tier: 1,
      model: { approved: true, version: 'mv-test-1' }, dataSources: expect.arrayContaining(['County Police', 'Riverside Academy']) });
    expect(record.tier1.organisation).toMatch(/Shire Early Help Partnership/);
    expect(Object.keys(record)).not.toContain('tier2');
  });

  it('says plainly when no model is approved, and names the next one approved', async () => {
    await t.store.sql.exec(`UPDATE model_versions SET status = 'retired'`);
    const none = await t.withSettings({});
    await none.ready();
    expect((await none.inject({ url: '/transparency' })).body).toContain('No model version is approved.');
    expect((await none.inject({ url: '/transparency.json' })).json<PublicTransparencyRecord>().model).toMatchObject({ approved: false });
    await t.store.sql.exec(`INSERT INTO model_versions (id, status, training_fingerprint, features, model, evaluation, fairness, card,
      approved_by, approved_at, justification) VALUES ('gam-2026-11', 'approved', 'fp', '["school_exclusion"]', '{}', '{}', '{}', 'card',
      'ig-lead', '2026-11-20T10:00:00Z', 'reviewed')`);
    const app = await t.withSettings({});
    await app.ready();
    const record = (await app.inject({ url: '/transparency.json' })).json<PublicTransparencyRecord>();
    expect(record.model).toEqual({ approved: true, version: 'gam-2026-11', approvedOn: '2026-11-20', modelType: expect.any(String) });
    expect((await app.inject({ url: '/transparency' })).body).toContain('Version gam-2026-11');
  });

  it('says the record is not published when the partnership has no configuration', async () => {
    const Fastify = (await import('fastify')).default;
    const bare = Fastify();
    const source = publicRecordSource(t.store, '/nonexistent/transparency.yaml');
    registerTransparencyRoutes(bare, { store: t.store, settings: {} as never, render: (_q, reply, _tpl, data, status) => reply.code(status ?? 200).send(data) }, source);
    const json = await bare.inject({ url: '/transparency.json' });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ code: 'TRB_TRANSPARENCY_NOT_PUBLISHED' });
    expect((await bare.inject({ url: '/transparency' })).statusCode).toBe(404);
    await bare.close();
  });

  it.skipIf(!chromiumPath)('passes axe in Chromium without signing in', { timeout: 120_000 }, async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const response = await page.goto(`${base}/transparency`);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(`${base}/transparency`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
