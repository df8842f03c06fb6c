/**
 * Journeys in real Chromium over a real socket: each demo account signs in and sees its navigation,
 * a role is refused a page it may not open, the service works without JavaScript, and every page
 * passes axe's WCAG 2.2 AA checks with no violations and no content-security-policy errors.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchChromium, WCAG_TAGS } from '../support/chromium.ts';
import { chromiumPath } from '../support/environment.ts';
import { storeTargets } from '../support/stores.ts';
import { PASSWORD } from './support/fixtures.ts';
import { demoUsernames, startTestApp, type DemoRole, type TestApp } from './support/web-app.ts';

/** What each account must see in the primary navigation (written out, not derived from the matrix). */
const expectedNavigation: Record<DemoRole, string[]> = {
  practitioner: ['Worklist'],
  supervisor: ['Worklist'],
  analyst: ['Worklist', 'Review queue', 'Data', 'Models'],
  ig_lead: ['Data', 'Models', 'Governance'],
  uploader: ['Data', 'Re-identification'],
  admin: ['Data', 'Governance'],
};

/** The pages each account opens and checks, after signing in. */
const pagesFor = (personId: string): Record<DemoRole, string[]> => ({
  practitioner: ['/', '/worklist', `/people/${personId}`, `/people/${personId}`],
  supervisor: ['/', '/worklist'],
  analyst: ['/', '/review', '/data', '/models'],
  ig_lead: ['/', '/data', '/models', '/governance', '/governance/audit', '/governance/audit?from=yesterday',
    '/governance/audit/verify', '/governance/access', '/governance/support-catalogue'],
  uploader: ['/', '/data', '/data/upload', '/reidentification'],
  admin: ['/', '/governance', '/governance/access'],
});

describe.skipIf(!chromiumPath)('journeys in Chromium', { timeout: 180_000 }, () => {
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

  const open = async (options: { javaScriptEnabled?: boolean } = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    collectPageProblems(page, problems);
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${request.url()}: ${request.failure()?.errorText}`);
    });
    return { context, page };
  };

  const expectAccessible = async (page: Page) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(violations, page.url()).toEqual([]);
  };

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
  };

  const statePurposeIfAsked = async (page: Page) => {
    if (!page.url().includes('/purpose')) return;
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Early help').check();
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  it('shows the sign-in page, its error state and the accessibility statement accessibly', async () => {
    const { context, page } = await open();
    await page.goto(`${base}/sign-in`);
    await expectAccessible(page);
    await page.getByLabel('Username').fill('nobody');
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('.govuk-error-summary').first().textContent()).toContain('Enter a correct username and password');
    await expectAccessible(page);
    await page.goto(`${base}/accessibility`);
    await expectAccessible(page);
    await page.goto(`${base}/no-such-page`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Page not found');
    await expectAccessible(page);
    await context.close();
  });

  it.each(Object.keys(expectedNavigation).map((role) => ({ role: role as DemoRole })))(
    'signs in as $role, sees the right navigation, and every page passes axe', async ({ role }) => {
      const { context, page } = await open();
      await signIn(page, demoUsernames[role]);
      const navigation = await page.locator('.moj-primary-navigation__link').allTextContents();
      expect(navigation.map((text) => text.trim())).toEqual(expectedNavigation[role]);
      expect(await page.locator('.moj-header').first().textContent()).toContain('Tributary');
      for (const path of pagesFor(t.fixtures.personId)[role]) {
        const response = await page.goto(`${base}${path}`);
        await statePurposeIfAsked(page);
        expect(response?.status(), path).toBeLessThan(path.includes('from=yesterday') ? 401 : 400);
        await expectAccessible(page);
      }
      if (role === 'practitioner') expect((await page.locator('h1').textContent())?.trim()).toBe('Jane Smith');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${base}/sign-in?signed-out=1`);
      await expectAccessible(page);
      await context.close();
    },
  );

  it('refuses a page to a role that may not open it, with an accessible error page', async () => {
    const { context, page } = await open();
    await signIn(page, 'practitioner');
    const response = await page.goto(`${base}/governance`);
    expect(response?.status()).toBe(403);
    expect((await page.locator('h1').textContent())?.trim()).toBe('You do not have access to this page');
    await expectAccessible(page);
    await context.close();
  });

  it('works without JavaScript: sign in, state a purpose, open a person, upload, sign out', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    await signIn(page, 'practitioner');
    await page.goto(`${base}/people/${t.fixtures.personId}`);
    await page.getByLabel('Safeguarding').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect((await page.locator('h1').textContent())?.trim()).toBe('Jane Smith');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'uploader');
    await page.goto(`${base}/data/upload`);
    await page.getByLabel('school-census').check();
    await page.setInputFiles('#file', { name: 'extract.csv', mimeType: 'text/csv', buffer: Buffer.from('upn\nA123456789012\n') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect(await page.locator('.govuk-notification-banner').first().textContent()).toContain('Your file was received');
    await context.close(); // axe needs JavaScript to run; these pages were checked with it above
  });

  it('raised no console errors and no content-security-policy violations on any page', () => {
    expect(problems).toEqual([]);
  });
});
