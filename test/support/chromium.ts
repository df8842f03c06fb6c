/**
 * Debian's Chromium for the browser suites, launched the one way the project does (headless, no
 * sandbox, nothing fetched from the network), and the WCAG tags every axe check runs with.
 */
import { chromium, type Browser } from 'playwright-core';
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
