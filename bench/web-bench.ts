/**
 * Web benchmark (issue #5): with N persons (default 100,000) on PostgreSQL, the worklist and person
 * pages under C concurrent users (default 50) for D seconds each; prints requests/s and the p50, p95
 * and p99 latency from every response's own time. Target: p95 under 150 ms. Needs a PostgreSQL server:
 * TRIBUTARY_BENCH_DATABASE_URL (or TRIBUTARY_TEST_DATABASE_URL) names one whose role may create databases.
 *
 *   node bin/run-ts.mjs bench/web-bench.ts [--persons 100000] [--connections 50] [--seconds 15] [--user-rate 1] [--pages worklist,person]
 *     [--reuse]              keep the database a previous run seeded (same --persons) instead of seeding again
 *     [--profile DIR]        run the server with --cpu-prof, writing its CPU profile(s) to DIR
 *     [--workers N]          server processes (default: what `tributary serve` uses: TRIBUTARY_WEB_WORKERS, else one per core)
 *     [--in-step]            the C users ask at the same moment every period (a burst), not spread over it
 *
 * Two loads per page: C users each asking for a page every 1/user-rate seconds, their requests spread
 * over the period as independent people's are (the target), then C connections back to back with no
 * pause (what the machine can take at most).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import { createSession, setSessionPurpose } from '../src/web/session/session-store.ts';
import { seededTown, seedPersons } from './web/seed-persons.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const persons = option('persons', 100_000);
const connections = option('connections', 50);
const seconds = option('seconds', 15);
/** Requests per second from each simulated user; a practitioner reading a page asks far less often. */
const userRate = option('user-rate', 1);
const serverUrl = process.env.TRIBUTARY_BENCH_DATABASE_URL ?? process.env.TRIBUTARY_TEST_DATABASE_URL;
if (!serverUrl) {
  console.log('web bench: skipped — set TRIBUTARY_BENCH_DATABASE_URL to a PostgreSQL server (e.g. postgres://user:pass@127.0.0.1:5432/postgres)');
  process.exit(0);
}

const database = `tributary_web_bench_${persons}`;
const reuse = process.argv.includes('--reuse');
const inStep = process.argv.includes('--in-step');
const profileDir = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
const seed = !(reuse && exists);
if (seed) {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
}
await admin.end();
const target = new URL(serverUrl);
target.pathname = `/${database}`;

const seedStarted = performance.now();
const store = await openStore({ databaseUrl: target.toString() });
const town = seed ? await seedPersons(store, persons, 'bench-password-123') : await seededTown(store);
const [practitioner] = await store.sql.query<{ id: string }>("SELECT id FROM users WHERE username = 'practitioner'");
const { token, session } = await createSession(store, { userId: practitioner!.id });
await setSessionPurpose(store, session.id, 'early_help');
console.log(seed
  ? `seeded ${persons.toLocaleString('en-GB')} persons in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`
  : `reusing ${database} (${persons.toLocaleString('en-GB')} persons) seeded by an earlier run`);
await store.close();

const server = spawn(process.execPath, [
  ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  'bin/run-ts.mjs', 'bench/web/web-server.ts', '--database-url', target.toString(),
  ...(process.argv.includes('--workers') ? ['--workers', process.argv[process.argv.indexOf('--workers') + 1]!] : []),
], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = await once(createInterface({ input: server.stdout! }), 'line') as [string];
const { port, workers } = JSON.parse(line) as { port: number; workers: number };
const cookie = `tributary_session=${token}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One autocannon run of `users` connections; `delayMs` before it starts. Resolves with its error count. */
function run(options: { users: number; rate?: number; delayMs: number; paths: () => string; onResponse: (status: number, time: number) => void }): Promise<number> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      const instance = autocannon({
        url: `http://127.0.0.1:${port}`, connections: options.users, duration: seconds, headers: { cookie },
        ...(options.rate ? { connectionRate: options.rate } : {}),
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.paths() }) }],
      }, (error, result) => (error ? reject(error) : resolve(result.errors)));
      instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => options.onResponse(status, time));
    }, options.delayMs);
  });
}

/**
 * With `perUserRate`, each of the `connections` users is its own connection asking for a page every
 * 1/rate seconds, the users' first requests spread evenly over one period (people do not click in
 * step); the `--in-step` flag starts them all at once instead (a burst of `connections` requests
 * every period, which autocannon's `connectionRate` alone gives). Without it, back to back.
 */
async function measure(name: string, paths: () => string, perUserRate?: number): Promise<{ p95: number }> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const onResponse = (status: number, time: number) => {
    times.push(time);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  const spread = perUserRate !== undefined && !inStep;
  const errors = spread
    ? (await Promise.all(Array.from({ length: connections }, (_, i) => run({
      users: 1, rate: perUserRate, delayMs: (i * 1000) / (connections * perUserRate), paths, onResponse,
    })))).reduce((a, b) => a + b, 0)
    : await run({ users: connections, ...(perUserRate ? { rate: perUserRate } : {}), delayMs: 0, paths, onResponse });
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${name.padEnd(12)} ${(times.length / seconds).toFixed(0).padStart(6)} req/s   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   p99 ${percentile(times, 99).toFixed(1)} ms   `
    + `statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}   errors ${errors}   ${p95 < 150 ? 'meets' : 'MISSES'} p95 < 150 ms`);
  return { p95 };
}

try {
  console.log(`${seconds} s per page and load, ${persons.toLocaleString('en-GB')} persons on PostgreSQL, ${workers} server process${workers === 1 ? '' : 'es'} (as \`tributary serve\` would run here)`);
  const pages = (process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1]! : 'worklist,person').split(',');
  let page = 0;
  let next = 0;
  const personPath = () => `/people/${encodeURIComponent(town.personIds[next++ % town.personIds.length]!)}`;
  // Every page measured is warmed up first: each server process's connections prepare and plan its
  // statements once, and V8 compiles its code paths (a cold person page put 5% of requests over 500 ms).
  if (pages.includes('worklist')) await measure('warm-up', () => '/worklist');
  if (pages.includes('person')) await measure('warm-up', personPath);
  const worklistPath = () => `/worklist?page=${1 + (page++ % 20)}`;
  console.log(`\n${connections} users, each asking for a page every ${(1 / userRate).toFixed(1)} s, ${inStep ? 'all at the same moment' : 'their requests spread over the second'} (the target's load):`);
  if (pages.includes('worklist')) await measure('worklist', worklistPath, userRate);
  if (pages.includes('person')) await measure('person', personPath, userRate);
  console.log(`\n${connections} connections back to back, no pause (capacity):`);
  if (pages.includes('worklist')) await measure('worklist', worklistPath);
  if (pages.includes('person')) await measure('person', personPath);
} finally {
  server.kill('SIGTERM');
}
