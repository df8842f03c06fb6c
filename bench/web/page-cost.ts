/**
 * What one page costs on the server, without the load generator: opens the bench database (seeded
 * by `bench/web-bench.ts`), builds the app in this process and asks for each page N times in turn,
 * printing per page the statements run (and their total time) and the process CPU per request.
 *
 *   node bin/run-ts.mjs bench/web/page-cost.ts --database-url postgres://…/tributary_web_bench_100000 [--requests 200]
 */
import { openStore } from '../../src/store/index.ts';
import { buildApp } from '../../src/web/index.ts';
import { createSession, setSessionPurpose } from '../../src/web/session/session-store.ts';
import { seededTown } from './seed-persons.ts';

const url = process.argv[process.argv.indexOf('--database-url') + 1];
if (!url || !process.argv.includes('--database-url')) throw new Error('page-cost: --database-url is required');
const at = process.argv.indexOf('--requests');
const requests = at > 0 ? Number(process.argv[at + 1]) : 200;
const store = await openStore({ databaseUrl: url });
const town = await seededTown(store);
const [practitioner] = await store.sql.query<{ id: string }>("SELECT id FROM users WHERE username = 'practitioner'");
const { token, session } = await createSession(store, { userId: practitioner!.id });
await setSessionPurpose(store, session.id, 'early_help');

const statements = new Map<string, { count: number; ms: number }>();
let counting = false;
const original = store.sql.query.bind(store.sql);
store.sql.query = (async (sql: string, params?: unknown[]) => {
  const started = performance.now();
  try { return await original(sql, params); } finally {
    if (counting) {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
      const seen = statements.get(key) ?? { count: 0, ms: 0 };
      statements.set(key, { count: seen.count + 1, ms: seen.ms + performance.now() - started });
    }
  }
}) as typeof store.sql.query;
const originalTransaction = store.transaction.bind(store);
let transactions = 0;
store.transaction = ((work) => { if (counting) transactions += 1; return originalTransaction(work); }) as typeof store.transaction;

const app = await buildApp({ store, settings: { logLevel: 'silent', pseudonymKey: 'bench-pseudonym-key-0123456789' } });
const headers = { cookie: `tributary_session=${token}` };
const pages: Record<string, (i: number) => string> = {
  worklist: (i) => `/worklist?page=${1 + (i % 20)}`,
  person: (i) => `/people/${encodeURIComponent(town.personIds[i % town.personIds.length]!)}`,
};
for (const [name, path] of Object.entries(pages)) {
  for (let i = 0; i < 20; i += 1) await app.inject({ method: 'GET', url: path(i), headers }); // warm
  statements.clear(); transactions = 0; counting = true;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < requests; i += 1) {
    const response = await app.inject({ method: 'GET', url: path(i + 20), headers });
    if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    bytes += response.body.length;
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  counting = false;
  const perRequest = (value: number) => (value / requests).toFixed(2);
  console.log(`\n${name}: ${requests} requests, wall ${perRequest(wall)} ms/request, CPU ${perRequest((used.user + used.system) / 1000)} ms/request, `
    + `${(bytes / requests / 1024).toFixed(1)} KiB/page, ${perRequest([...statements.values()].reduce((s, v) => s + v.count, 0))} statements + ${perRequest(transactions)} transactions/request`);
  for (const [sql, { count, ms }] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${perRequest(count).padStart(5)}×  ${perRequest(ms).padStart(6)} ms  ${sql}`);
  }
}
await app.close();
await store.close();
