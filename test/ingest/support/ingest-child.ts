/**
 * A load run in a child process so a test can kill it mid-file: `node bin/run-ts.mjs
 * test/ingest/support/ingest-child.ts <store> <file>`, where <store> is a PostgreSQL URL or a
 * PGlite folder. Prints `rows N` every 500 rows read, and `done` when the file is loaded.
 */
import { adapters } from '../../../src/ingest/index.ts';
import { openStore } from '../../../src/store/index.ts';
import { ingestFixture, loadFixturePartnership } from './load.ts';

const [target, file] = process.argv.slice(2);
if (!target || !file) throw new Error('usage: ingest-child.ts <store> <file>');
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
await loadFixturePartnership(store);
let rows = 0;
const outcome = await ingestFixture(store, 'pupils', file, {
  chunkRows: 250,
  readItems: async function* (context) {
    for await (const item of adapters.csv(context)) {
      rows += 1;
      if (rows % 500 === 0) process.stdout.write(`rows ${rows}\n`);
      yield item;
    }
  },
});
process.stdout.write(`${outcome.status === 'loaded' ? 'done' : JSON.stringify(outcome)}\n`);
await store.close();
