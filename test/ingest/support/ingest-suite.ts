/** The set-up every ingest journey shares: a fresh store with the fixture partnership, and a temp folder. */
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../../src/store/index.ts';
import { loadFixturePartnership } from './load.ts';
import { tempDir, type TempDir } from './temp-files.ts';

export interface IngestSuite { readonly store: Store; readonly dir: TempDir }

/** Opens a store and a temp folder before the suite's tests and removes both after; read the fields inside tests. */
export function useIngestSuite(open: () => Promise<Store>): IngestSuite {
  const suite = {} as { store: Store; dir: TempDir };
  beforeAll(async () => {
    suite.store = await open();
    suite.dir = tempDir();
    await loadFixturePartnership(suite.store);
  });
  afterAll(async () => {
    await suite.store.close();
    suite.dir.remove();
  });
  return suite;
}
