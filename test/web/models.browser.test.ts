/**
 * The Models journey in real Chromium over a real socket: the governance lead opens a draft version,
 * is shown every missing answer, then approves it with a justification and one response per
 * fairness flag; a practitioner and an analyst are refused approval; the list and the version page
 * (with its error state and after approval) pass axe's WCAG 2.2 AA checks, with no CSP errors.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fairnessFlags, loadVersion, registerDraftVersion } from '../../src/score/index.ts';
import { collectPageProblems, launchChromium, WCAG_TAGS } from '../support/chromium.ts';
import { chromiumPath } from '../support/environment.ts';
import { storeTargets } from '../support/stores.ts';
import { fitVersionFixture } from '../score/support/version-fixture.ts';
import { PASSWORD } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

const VERSION = 'mv-browser-1';

describe.skipIf(!chromiumPath)('the Models journey in Chromium', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const modelDir = await fitVersionFixture(await mkdtemp(join(tmpdir(), 'models-browser-')));
    t = await startTestApp(storeTargets[0]!);
    await registerDraftVersion(t.store, { modelDir, actor: { username: 'analyst', role: 'analyst' }, id: VERSION });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    collectPageProblems(page, problems);
    return { context, page };
  };

  const expectAccessible = async (page: Page) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), page.url()).toEqual([]);
  };

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
  };

  it('the governance lead approves a version: every flag answered, the previous version retired', async () => {
    const { context, page } = await open();
    await signIn(page, 'ig-lead');
    await page.getByRole('link', { name: 'Models' }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: VERSION }).click();
    expect((await page.locator('h1').textContent())?.trim()).toBe(VERSION);
    await expectAccessible(page);
    expect(await page.locator('img[src^="data:image/svg+xml"]').count()).toBeGreaterThanOrEqual(5);

    await page.getByRole('button', { name: 'Approve version' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a justification');
    await expectAccessible(page);

    const flags = fairnessFlags((await loadVersion(t.store.sql, VERSION)).fairness);
    await page.getByLabel('Justification').fill('Beats the scorecard on later as-of dates; flags reviewed with the panel.');
    for (let i = 0; i < flags.length; i++) await page.locator(`#response-${i}`).fill(`Reviewed flag ${i + 1} with the panel.`);
    await page.getByRole('button', { name: 'Approve version' }).click();
    await page.waitForURL(new RegExp(`/models/${VERSION}\\?approved=1`));
    expect(await page.locator('.govuk-notification-banner').first().textContent()).toContain('Version approved');
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Approved');
    await expectAccessible(page);
    const version = await loadVersion(t.store.sql, VERSION);
    expect([version.status, version.approvedBy, Object.keys(version.fairnessResponses ?? {}).length]).toEqual(['approved', 'ig-lead', flags.length]);
    await context.close();
  });

  it('refuses approval to a practitioner and to an analyst', async () => {
    for (const username of ['practitioner', 'analyst']) {
      const { context, page } = await open();
      await signIn(page, username);
      const response = await page.goto(`${base}/models/${VERSION}`);
      if (username === 'practitioner') {
        expect(response?.status()).toBe(403);
        expect((await page.locator('h1').textContent())?.trim()).toBe('You do not have access to this page');
        await expectAccessible(page);
      } else {
        expect(response?.status()).toBe(200);
        expect(await page.getByRole('button', { name: 'Approve version' }).count()).toBe(0);
      }
      const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
      const post = await page.request.post(`${base}/models/${VERSION}/approve`, { form: { _csrf: csrf ?? '', justification: 'I approve' } });
      expect(post.status(), username).toBe(403);
      await context.close();
    }
  });

  it('raised no console errors and no content-security-policy violations', () => {
    expect(problems).toEqual([]);
  });
});
