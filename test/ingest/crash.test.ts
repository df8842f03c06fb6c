/**
 * A crash or a kill mid-file leaves the store consistent (nothing of the file, the batch marked
 * `loading` or `failed`), and a re-run completes the load: rows conserved, no duplicates.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../../src/ingest/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { postgresAdminUrl } from '../support/environment.ts';
import { createTestDatabase, storeTargets } from '../support/stores.ts';
import { batchesOf, countsOf, ingestFixture, loaded, loadFixturePartnership } from './support/load.ts';
import { PUPILS_HEADER, tempDir, type TempDir } from './support/temp-files.ts';

const ROWS = 6000;
const extract = (prefix: string): string =>
  [PUPILS_HEADER, ...Array.from({ length: ROWS }, (_, i) => `${prefix}${i},,Ann,Smith,${i % 7 === 0 ? '31/02/2010' : '01/02/2010'},TB1 1AA,03/03/2023,,Mary Smith,Mother`)].join('\n');

/** The load must end with every row once: rows read = loaded + quarantined, one record and one event per loaded row. */
async function expectWholeLoad(store: Store): Promise<void> {
  const outcome = loaded(await ingestFixture(store, 'pupils', file));
  const quarantined = Math.ceil(ROWS / 7);
  expect([outcome.stats.rowsRead, outcome.stats.rowsLoaded, outcome.stats.rowsQuarantined]).toEqual([ROWS, ROWS - quarantined, quarantined]);
  expect(await countsOf(store, 'pupils')).toEqual({
    records: 2 * (ROWS - quarantined), subjects: ROWS - quarantined, contacts: ROWS - quarantined,
    events: ROWS - quarantined, relationships: ROWS - quarantined, quarantined,
  });
  const [duplicates] = await store.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT local_id FROM source_records GROUP BY dataset_id, kind, local_id HAVING count(*) > 1) d`,
  );
  expect(duplicates!.n).toBe(0);
}

let dir: TempDir;
let file: string;
beforeAll(() => {
  dir = tempDir();
  file = dir.file('pupils-big.csv', extract('K'));
});
afterAll(() => dir.remove());

describe.each(storeTargets)('a failure mid-stream on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await loadFixturePartnership(store);
  });
  afterAll(async () => { await store.close(); });

  it('rolls back every chunk already written, marks the batch failed, and a re-run loads the file whole', async () => {
    let read = 0;
    const failing = ingestFixture(store, 'pupils', file, {
      chunkRows: 500,
      readItems: async function* (context) {
        for await (const item of adapters.csv(context)) {
          if ((read += 1) === 4321) throw new Error('simulated crash mid-stream');
          yield item;
        }
      },
    });
    await expect(failing).rejects.toThrow('simulated crash mid-stream');
    expect(await countsOf(store, 'pupils')).toMatchObject({ records: 0, events: 0, quarantined: 0 });
    expect((await batchesOf(store, 'pupils')).map((b) => b.status)).toEqual(['failed']);
    await expectWholeLoad(store);
  }, 120_000);
});

interface KillTarget { name: string; setUp(): Promise<{ target: string; open(): Promise<Store>; tearDown(): Promise<void> }> }

let stores = 0;
const killTargets: KillTarget[] = [
  {
    name: 'pglite (a data folder)',
    async setUp() {
      const folder = join(dir.path, `pglite-store-${(stores += 1)}`);
      return { target: folder, open: () => openStore({ dataDir: folder }), tearDown: async () => undefined };
    },
  },
  ...(postgresAdminUrl ? [{
    name: 'postgres',
    async setUp() {
      const { url, drop } = await createTestDatabase();
      return { target: url, open: () => openStore({ databaseUrl: url }), tearDown: drop };
    },
  }] : []),
];

describe.each(killTargets)('a load killed mid-file on $name', ({ setUp }) => {
  it.each([false, true])('leaves nothing of the file but a batch still loading; a re-run supersedes it and loads the file whole (worker thread: %s)', async (thread) => {
    const { target, open, tearDown } = await setUp();
    try {
      const killedAt = await runAndKill(target, file, 1500, thread);
      expect(killedAt).toBeGreaterThanOrEqual(1500);
      const store = await open();
      try {
        expect(await countsOf(store, 'pupils')).toMatchObject({ records: 0, events: 0, quarantined: 0 });
        const [interrupted] = await batchesOf(store, 'pupils');
        expect(interrupted?.status).toBe('loading');
        await expectWholeLoad(store);
        const batches = await batchesOf(store, 'pupils');
        expect(batches.map((b) => b.status)).toEqual(['failed', 'complete']);
        expect(batches[0]!.error).toContain(`superseded by batch ${batches[1]!.id}`);
      } finally {
        await store.close();
      }
    } finally {
      await tearDown();
    }
  }, 120_000);
});

/** Starts the child load (reading in a worker thread if `thread`) and kills it (SIGKILL) once it has read `rows` rows; resolves with the rows it had reported. */
function runAndKill(target: string, path: string, rows: number, thread: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['bin/run-ts.mjs', 'test/ingest/support/ingest-child.ts', target, path, ...(thread ? ['thread'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const match = /^rows (\d+)$/.exec(line);
        if (match) seen = Number(match[1]);
        if (line === 'done') reject(new Error('the child finished before it could be killed'));
      }
      if (seen >= rows && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`child exited with ${code}: ${errors}`))));
  });
}
