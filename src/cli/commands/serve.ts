/** `tributary serve`: the practitioner application on a port. */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { startServeRetention } from '../../governance/retention/index.ts';
import { openStore } from '../../store/index.ts';
import { buildApp, demoPassword, loadWebSettings, seedDemoAccounts } from '../../web/index.ts';
import { forkWebWorkers, isWebWorker, perWorkerRateLimit, reportListening, webWorkerCount } from '../../web/web-workers.ts';

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the practitioner application (web pages and the JSON API)')
    .option('--port <p>', 'port to listen on (default: PORT or 3000)')
    .option('--host <h>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--demo-accounts', 'create or reset the demo accounts (password: TRIBUTARY_DEMO_PASSWORD, else generated and printed once)')
    .option('--no-migrate', 'do not apply migrations (when connecting as the application role)')
    .option('--retention-every <hours>', 'apply the agreements’ retention periods at start and then every so many hours', '24')
    .option('--no-retention', 'do not apply retention while serving (run `tributary retention apply` yourself)')
    .option('--workers <n>', 'processes serving the port (default: TRIBUTARY_WEB_WORKERS, else one per core on PostgreSQL, one on a local store)')
    .action(async (options: { port?: string; host?: string; demoAccounts?: boolean; migrate: boolean; retention: boolean; retentionEvery: string; workers?: string }) => {
      const base = loadSettings();
      const web = loadWebSettings();
      const port = options.port !== undefined ? Number(options.port) : web.port;
      const host = options.host ?? web.host;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${options.port}: give a port number from 0 to 65535`);
      const workers = webWorkerCount(options.workers, process.env, Boolean(base.databaseUrl));
      const signInRateLimit = { ...web.signInRateLimit, max: perWorkerRateLimit(web.signInRateLimit.max, workers) };
      if (isWebWorker()) {
        // A forked worker: the primary has migrated, seeded and runs retention; this one only serves.
        const store = await openStore({ databaseUrl: base.databaseUrl, migrate: false, preparedStatements: true });
        const app = await buildApp({ store, settings: { ...web, port, host, signInRateLimit } });
        const stop = async () => { await app.close(); await store.close(); process.exit(0); };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        reportListening(await app.listen({ port, host }));
        return;
      }
      const store = await openStore({ databaseUrl: base.databaseUrl, dataDir: base.dataDir, migrate: options.migrate, preparedStatements: true });
      if (options.demoAccounts) {
        const { password, generated } = demoPassword();
        const seeded = await seedDemoAccounts(store, { password });
        console.log(`Demo accounts: ${seeded.usernames.join(', ')}`);
        console.log(generated ? `Demo password (shown once): ${password}` : 'Demo password: as set in TRIBUTARY_DEMO_PASSWORD');
      }
      const everyHours = Number(options.retentionEvery);
      if (!(everyHours > 0)) throw new Error(`--retention-every ${options.retentionEvery}: give a positive number of hours`);
      // Every worker must pseudonymise alike: they share the key this process holds.
      const served = workers > 1 ? await forkWebWorkers(workers, { TRIBUTARY_PSEUDONYM_KEY: web.pseudonymKey }) : undefined;
      const app = served ? undefined : await buildApp({ store, settings: { ...web, port, host } });
      const retention = options.retention ? startServeRetention(store, { everyHours }) : undefined;
      const stop = async () => {
        retention?.stop();
        await retention?.first;
        await (served ? served.stop() : app?.close());
        await store.close();
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      if (served) console.log(`Tributary is serving ${web.partnershipName} on ${served.address} (${workers} processes)`);
      else console.log(`Tributary is serving ${web.partnershipName} on ${await app!.listen({ port, host })}`);
    });
}
