/**
 * The web benchmark's server, in its own process(es) so that the load generator does not share their
 * event loop: serves the store named by `--database-url` on a free port and prints it, with as many
 * processes as `tributary serve` would use (`--workers N`, else TRIBUTARY_WEB_WORKERS, else one per core).
 */
import { openStore } from '../../src/store/index.ts';
import { buildApp } from '../../src/web/index.ts';
import { forkWebWorkers, isWebWorker, reportListening, webWorkerCount } from '../../src/web/web-workers.ts';

const url = process.argv[process.argv.indexOf('--database-url') + 1];
if (!url || !process.argv.includes('--database-url')) throw new Error('web-server: --database-url is required');
const workersAt = process.argv.indexOf('--workers');
const workers = webWorkerCount(workersAt > 0 ? process.argv[workersAt + 1] : undefined, process.env, true);
const settings = {
  logLevel: 'silent', signInRateLimit: { max: 100000, windowSeconds: 60 }, pseudonymKey: 'bench-pseudonym-key-0123456789',
} as const;

async function serve(): Promise<string> {
  const store = await openStore({ databaseUrl: url!, migrate: !isWebWorker(), preparedStatements: true });
  const app = await buildApp({ store, settings });
  const stop = async () => { await app.close(); await store.close(); process.exit(0); };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  return app.listen({ host: '127.0.0.1', port: 0 });
}

if (isWebWorker()) reportListening(await serve());
else if (workers === 1) process.stdout.write(`${JSON.stringify({ port: Number(new URL(await serve()).port), workers })}\n`);
else {
  const served = await forkWebWorkers(workers, {});
  const stop = async () => { await served.stop(); process.exit(0); };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(served.address).port), workers })}\n`);
}
