#!/usr/bin/env node
// `npm test`: the type check, then every suite. Says plainly which suites the machine cannot run;
// under .ci/run (TRIBUTARY_REQUIRE_ALL=1) a suite that would be skipped is a failure instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const requireAll = process.env.TRIBUTARY_REQUIRE_ALL === '1';
const missing = [];
if (!process.env.TRIBUTARY_TEST_DATABASE_URL) {
  missing.push('PostgreSQL suites (the store, ingest and audit tests on a server): set TRIBUTARY_TEST_DATABASE_URL to an admin URL');
}
if (!existsSync('/usr/bin/chromium')) {
  missing.push('browser suites (journeys and accessibility in Chromium): install Debian chromium at /usr/bin/chromium');
}
if (missing.length && requireAll) {
  console.error(`TRIBUTARY_REQUIRE_ALL=1 and these suites cannot run:\n  - ${missing.join('\n  - ')}`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

console.log('» type check (tsc --noEmit)');
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.error('type check failed');
  process.exit(1);
}
console.log('» tests (vitest)');
const status = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
if (missing.length) {
  console.log(`\nSKIPPED on this machine:\n  - ${missing.join('\n  - ')}`);
}
process.exit(status);
