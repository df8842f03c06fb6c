/**
 * Debian's Chromium for the browser suites, launched the one way the project does (headless, no
 * sandbox, nothing fetched from the network), and the WCAG tags every axe check runs with.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './environment.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
];

/** Launches Chromium; call only when `chromiumPath` is set (suites skip otherwise). */
export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('Chromium is not installed here (expected /usr/bin/chromium)');
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * Records a page's console errors and uncaught script errors in `problems`. A page answered with an
 * error status on purpose (404, 403, a form's 400) is logged as a failed load: not a problem.
 */
export function collectPageProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status of')) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
}
