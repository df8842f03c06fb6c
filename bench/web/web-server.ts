/**
 * The web benchmark's server, in its own process so that the load generator does not share its
 * event loop: opens the store named by `--database-url`, serves on a free port and prints it.
 */
import { openStore } from '../../src/store/index.ts';
import { buildApp } from '../../src/web/index.ts';

const url = process.argv[process.argv.indexOf('--database-url') + 1];
if (!url) throw new Error('web-server: --database-url is required');
const store = await openStore({ databaseUrl: url });
const app = await buildApp({
  store,
  settings: { logLevel: 'silent', signInRateLimit: { max: 100000, windowSeconds: 60 }, pseudonymKey: 'bench-pseudonym-key-0123456789' },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
const stop = async () => { await app.close(); await store.close(); process.exit(0); };
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
