/**
 * A file read, mapped and prepared in a worker thread (`chunk-thread.ts`) loads exactly as one read
 * in the loading thread: every format's records, events, relationships and quarantined rows, the
 * counts, the refused columns, the sealed health events, and the direct and staged writes alike.
 */
import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { emptyIngestTables, holdings, ingestFixture, loaded } from './support/load.ts';
import { PUPILS_HEADER } from './support/temp-files.ts';

const files = [
  { dataset: 'pupils', file: 'pupils-town.csv' },
  { dataset: 'pupils-fixed', file: 'pupils.txt' },
  { dataset: 'referrals', file: 'referrals.json' },
  { dataset: 'children', file: 'children.xml' },
  { dataset: 'patients', file: 'patients.fhir.ndjson' },
  { dataset: 'claimants', file: 'claimants.parquet' },
];

describe.each(storeTargets)('loading in a worker thread on $name', ({ open }) => {
  const suite = useIngestSuite(open);
  const empty = (): Promise<void> => emptyIngestTables(suite.store);

  it('holds what a load in the loading thread holds, for every format, and reports the same counts', async () => {
    const load = async (thread: boolean): Promise<{ stats: unknown[]; held: unknown }> => {
      await empty();
      const stats: unknown[] = [];
      for (const { dataset, file } of files) stats.push(loaded(await ingestFixture(suite.store, dataset, file, { thread })).stats);
      return { stats, held: await holdings(suite.store) };
    };
    const inThread = await load(false);
    const threaded = await load(true);
    expect(threaded.stats).toEqual(inThread.stats);
    expect(threaded.held).toEqual(inThread.held);
    expect((inThread.held as { events: unknown[] }).events.length).toBeGreaterThan(0);
  });

  it.each([{ direct: true }, { direct: false }])('writes many chunks, with repeated records, as the loading thread does (direct: $direct)', async ({ direct }) => {
    // 2,000 rows in chunks of 50 (so the worker waits for the loader to take them), every 7th a repeat of an earlier record
    const lines = Array.from({ length: 2000 }, (_, i) => {
      const id = i % 7 === 6 ? `P${i - 3}` : `P${i}`;
      return `${id},,Pupil${i},Smith,01/01/2010,TB1 1AA,0${(i % 9) + 1}/02/2023,,${i % 3 === 0 ? 'Mary Smith,Mother' : ','}`;
    });
    const file = suite.dir.file(`many-${direct}.csv`, [PUPILS_HEADER, ...lines, 'P9,,ann,Smith,31/02/2010,TB1 1AA,,,,'].join('\n') + '\n');
    const load = async (thread: boolean): Promise<{ stats: unknown; held: unknown }> => {
      await empty();
      const { stats } = loaded(await ingestFixture(suite.store, 'pupils', file, { thread, direct, chunkRows: 50 }));
      return { stats, held: await holdings(suite.store) };
    };
    const inThread = await load(false);
    const threaded = await load(true);
    expect(threaded).toEqual(inThread);
    expect(inThread.stats).toMatchObject({ rowsRead: 2001, rowsLoaded: 2000, rowsQuarantined: 1 });
  });

  it('reports progress from the worker', async () => {
    await empty();
    const seen: number[] = [];
    loaded(await ingestFixture(suite.store, 'pupils', 'pupils-town.csv', { thread: true, onProgress: (p) => seen.push(p.rowsRead) }));
    expect(seen.length).toBeGreaterThan(0);
  });
});
