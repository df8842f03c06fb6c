/**
 * A load run in a child process so a test can kill it mid-file: `node bin/run-ts.mjs
 * test/ingest/support/ingest-child.ts <store> <file> [thread]`, where <store> is a PostgreSQL URL or a
 * PGlite folder. Prints `rows N` every 500 rows read, and `done` when the file is loaded. With
 * `thread`, the file is read in a worker thread (`chunk-thread.ts`), and the rows are those it reports.
 */
import { adapters } from '../../../src/ingest/index.ts';
import { openStore } from '../../../src/store/index.ts';
import { ingestFixture, loadFixturePartnership } from './load.ts';

const [target, file, mode] = process.argv.slice(2);
if (!target || !file) throw new Error('usage: ingest-child.ts <store> <file> [thread]');
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
await loadFixturePartnership(store);
let rows = 0;
const outcome = await ingestFixture(store, 'pupils', file, mode === 'thread'
  ? {
    chunkRows: 250, thread: true,
    onProgress: ({ rowsRead }) => {
      if (Math.floor(rowsRead / 500) > Math.floor(rows / 500)) process.stdout.write(`rows ${rowsRead}\n`);
      rows = rowsRead;
    },
  }
  : {
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
