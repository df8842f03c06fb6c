/**
 * What the machine offers the tests: a PostgreSQL server and Chromium are optional locally and
 * required under `.ci/run` (TRIBUTARY_REQUIRE_ALL=1), where a missing one fails instead of skipping.
 */
import { existsSync } from 'node:fs';

export const requireAll = process.env.TRIBUTARY_REQUIRE_ALL === '1';

/** An admin URL of a PostgreSQL server the tests may create databases on, if there is one. */
export const postgresAdminUrl: string | undefined = process.env.TRIBUTARY_TEST_DATABASE_URL || undefined;

export const chromiumPath: string | undefined = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((path) => existsSync(path));

if (requireAll && !postgresAdminUrl) {
  throw new Error('TRIBUTARY_REQUIRE_ALL=1 but TRIBUTARY_TEST_DATABASE_URL is not set: PostgreSQL suites would be skipped');
}
if (requireAll && !chromiumPath) {
  throw new Error('TRIBUTARY_REQUIRE_ALL=1 but no Chromium at /usr/bin/chromium: browser suites would be skipped');
}
