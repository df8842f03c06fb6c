/**
 * `npx tsx scripts/load-town.ts DIR [--config config/town]`: loads a synthetic town (from
 * `tributary synth --out DIR`) into the configured store (DATABASE_URL or the PGlite data folder).
 */
import { loadSettings } from '../src/config/index.ts';
import { loadTown } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) { console.error('usage: npx tsx scripts/load-town.ts DIR [--config config/town]'); process.exit(2); }
const configAt = rest.indexOf('--config');
const settings = loadSettings();
const store = await openStore(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : { dataDir: settings.dataDir });
try {
  const started = performance.now();
  const outcomes = await loadTown(store, dir, configAt >= 0 ? { configDir: rest[configAt + 1]! } : {});
  for (const o of outcomes) console.log(`${o.file}: ${o.status}${o.status === 'loaded' ? ` (${o.stats.rowsLoaded} rows, ${o.stats.rowsQuarantined} quarantined)` : ''}`);
  console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await store.close();
}
