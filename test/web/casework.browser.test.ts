/**
 * Casework journeys in real Chromium over a real socket: a practitioner opens the worklist, opens a
 * person, reads why, records a decision and a support plan; a supervisor allocates; an analyst
 * clears a review item; roles without a reason are refused each of these. Every page passes axe.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchChromium, WCAG_TAGS } from '../support/chromium.ts';
import { chromiumPath } from '../support/environment.ts';
import { storeTargets } from '../support/stores.ts';
import { PASSWORD } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/web-app.ts';

describe.skipIf(!chromiumPath)('casework journeys in Chromium', { timeout: 180_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(storeTargets[0]!);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const session = async (username: string, options: { javaScriptEnabled?: boolean } = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    collectPageProblems(page, problems);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    return { context, page };
  };

  const expectAccessible = async (page: Page) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(violations, page.url()).toEqual([]);
  };

  const statePurpose = async (page: Page) => {
    expect(page.url()).toContain('/purpose');
    await page.getByLabel('Early help').check();
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  const banner = (page: Page) => page.locator('.govuk-notification-banner').first().textContent();

  it('a practitioner opens the worklist and a person, reads why, and records a decision, consent and a support plan', async () => {
    const { context, page } = await session('practitioner');
    await page.locator('.moj-primary-navigation__link', { hasText: 'Worklist' }).click();
    await expectAccessible(page);
    const row = page.locator('tr', { hasText: 'Jane Smith' });
    expect(await row.textContent()).toContain('Offending parent or carer · Exclusion from school');
    await row.getByRole('link', { name: 'Jane Smith' }).click();
    await statePurpose(page);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Jane Smith');
    expect(await page.locator('table', { hasText: 'Risk factors and the records behind them' }).textContent()).toContain('Caution');
    expect(await page.locator('table', { hasText: 'How the score has changed' }).textContent()).toContain('41%');
    await expectAccessible(page);
    await page.getByText(/Records \d+ and \d+: 99% match/).click();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select a decision');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.locator('.govuk-error-summary a', { hasText: 'Give the reason' }).click();
    await page.getByLabel('Offer support').check();
    await page.getByLabel('Reason', { exact: true }).fill('Excluded in March and her father was cautioned: offer family support.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await banner(page)).toContain('Decision recorded.');
    expect(await page.locator('table', { hasText: 'Decisions recorded' }).textContent()).toContain('her father was cautioned');
    await expectAccessible(page);

    const consent = page.locator('form#consent');
    await consent.getByLabel('Given', { exact: true }).check();
    await consent.getByLabel('A parent or carer').check();
    await consent.getByRole('button', { name: 'Record consent' }).click();
    expect(await banner(page)).toContain('Consent recorded.');

    await page.getByLabel('Support offer').selectOption('family-support-worker');
    await page.getByLabel('What should the support achieve?').fill('Weekly family sessions; back in school full time by February.');
    await page.getByLabel('Review by (optional)').fill('2027-02-28');
    await page.getByRole('button', { name: 'Start support plan' }).click();
    expect(await banner(page)).toContain('Support plan started.');
    expect(await page.locator('.govuk-summary-card').first().textContent()).toContain('Family support worker (early help)');
    await expectAccessible(page);
    const [plan] = await t.store.sql.query<{ offer_id: string; created_by: string }>('SELECT offer_id, created_by FROM support_plans');
    expect(plan).toEqual({ offer_id: 'family-support-worker', created_by: 'practitioner' });
    await context.close();
  });

  it('a supervisor allocates a person from the worklist to a practitioner, without JavaScript', async () => {
    const { context, page } = await session('supervisor', { javaScriptEnabled: false });
    await page.goto(`${base}/worklist`);
    await page.locator('tr', { hasText: 'Tom Brown' }).getByRole('link', { name: /Allocate/ }).click();
    await statePurpose(page);
    await page.getByLabel('Allocate to').selectOption({ label: 'Pat Practitioner' });
    await page.getByRole('button', { name: 'Allocate', exact: true }).click();
    expect(await banner(page)).toContain('Allocation recorded.');
    await page.goto(`${base}/worklist?allocation=allocated`);
    expect(await page.locator('tbody').textContent()).toContain('Pat Practitioner');
    await context.close();
    const withJs = await session('supervisor');
    await withJs.page.goto(`${base}/worklist?allocation=allocated`);
    await expectAccessible(withJs.page);
    await withJs.context.close();
  });

  it('an analyst clears a review item', async () => {
    const { context, page } = await session('analyst');
    await page.locator('.moj-primary-navigation__link', { hasText: 'Review queue' }).click();
    await page.getByRole('link', { name: `Review pair ${t.fixtures.reviewItemId}` }).click();
    await expectAccessible(page);
    await page.getByLabel('Not a match').check();
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await banner(page)).toContain('Decision recorded.');
    expect(await page.locator('main').textContent()).toContain('There is nothing to review.');
    await expectAccessible(page);
    await context.close();
  });

  it('refuses each of these to roles without a reason, with an accessible error page', async () => {
    const refused = async (username: string, paths: string[]) => {
      const { context, page } = await session(username);
      for (const path of paths) {
        const response = await page.goto(`${base}${path}`);
        if (page.url().includes('/purpose?')) await statePurpose(page);
        expect(await page.locator('h1').textContent(), path).toMatch(/You do not have access to this page|This belongs to another team/);
        expect([403, 200]).toContain(response?.status());
      }
      await expectAccessible(page);
      await context.close();
    };
    await refused('uploader', ['/worklist', `/people/${t.fixtures.personId}`, '/review', `/review/${t.fixtures.reviewItemId}`]);
    await refused('practitioner-south', [`/people/${t.fixtures.personId}`]);
    await refused('practitioner', ['/review', `/review/${t.fixtures.reviewItemId}`, `/people/${t.fixtures.southPersonId}`]);
  });

  it('shows the governance lead the support catalogue accessibly', async () => {
    const { context, page } = await session('ig-lead');
    await page.goto(`${base}/governance`);
    await page.getByRole('link', { name: 'Support catalogue' }).click();
    expect(await page.locator('caption').first().textContent()).toMatch(/\d+ offers/);
    await expectAccessible(page);
    await context.close();
  });

  it('raised no console errors and no content-security-policy violations', () => {
    expect(problems).toEqual([]);
  });
});
