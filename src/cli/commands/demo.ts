/**
 * `tributary demo`: the main job on the embedded store — generate the synthetic town, run the whole
 * pipeline on it, then serve the practitioner application (unless `--no-serve`), applying the
 * agreements' retention periods while it serves, as `tributary serve` does.
 */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { startServeRetention } from '../../governance/retention/index.ts';
import { openStore } from '../../store/index.ts';
import { buildApp, demoPassword, loadWebSettings, seedDemoAccounts } from '../../web/index.ts';
import { DemoOptionsSchema, type DemoOptions } from '../demo/demo-options.ts';
import { runPipeline } from '../demo/run-pipeline.ts';

export function registerDemo(program: Command): void {
  program.command('demo')
    .description('generate the synthetic town, run the whole pipeline on it and serve it')
    .option('--people <n>', 'people in the town', '20000')
    .option('--seed <s>', 'random seed', '1')
    .option('--port <p>', 'port to serve on', '3000')
    .option('--host <h>', 'address to serve on', '127.0.0.1')
    .option('--extract-date <date>', 'the date the extracts are taken on (factors and scores are as of it)', '2026-03-31')
    .option('--threshold <p>', 'match probability for linking records into persons')
    .option('--no-serve', 'run the pipeline and exit')
    .action(async (raw: Record<string, unknown>) => {
      const options = DemoOptionsSchema.parse(raw);
      const settings = loadSettings();
      const started = performance.now();
      console.log(`Tributary demo: a synthetic town of ${options.people.toLocaleString('en-GB')} people (seed ${options.seed}), `
        + `store ${settings.databaseUrl ? 'PostgreSQL' : `PGlite in ${settings.dataDir}`}`);
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
      try {
        await runPipeline(store, settings.dataDir, options, (line) => console.log(line));
      } catch (error) {
        await store.close();
        throw error;
      }
      console.log(`\nPipeline finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      if (!options.serve) {
        await store.close();
        return;
      }
      await serveDemo(store, options);
    });
}

async function serveDemo(store: Awaited<ReturnType<typeof openStore>>, options: DemoOptions): Promise<void> {
  const { password, generated } = demoPassword();
  const seeded = await seedDemoAccounts(store, { password });
  const web = loadWebSettings();
  const app = await buildApp({ store, settings: { ...web, demo: true, port: options.port, host: options.host } });
  // As `tributary serve` does: the agreements' retention periods applied at start and every 24 hours.
  const retention = startServeRetention(store, { everyHours: 24 });
  const stop = async () => {
    retention.stop();
    await retention.first;
    await app.close();
    await store.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ port: options.port, host: options.host });
  console.log(`\nTributary is serving the demo town at ${address.replace('127.0.0.1', 'localhost')}`);
  console.log(`Demo accounts: ${seeded.usernames.join(', ')}`);
  console.log(generated ? `Password for every demo account (generated, shown once): ${password}` : 'Password: as set in TRIBUTARY_DEMO_PASSWORD');
}
