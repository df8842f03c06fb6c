/**
 * Store targets for suites that must pass on both engines: PGlite in memory always, and a fresh
 * database on the PostgreSQL server when one is configured (dropped again on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.ts';
import { postgresAdminUrl } from './environment.ts';

export interface StoreTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

/** Opens a new, migrated, empty store on the named engine. */
async function openFresh(name: StoreTarget['name']): Promise<Store> {
  if (name === 'pglite') return openStore({ dataDir: 'memory://' });
  const { url, drop } = await createTestDatabase();
  const store = await openStore({ databaseUrl: url });
  return { ...store, close: async () => { await store.close(); await drop(); } };
}

/** Creates an empty database on the test server; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresAdminUrl) throw new Error('no PostgreSQL test server configured (TRIBUTARY_TEST_DATABASE_URL)');
  const name = `tributary_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** PGlite always; PostgreSQL when the machine has a test server. */
export const storeTargets: StoreTarget[] = [
  { name: 'pglite', open: () => openFresh('pglite') },
  ...(postgresAdminUrl ? [{ name: 'postgres' as const, open: () => openFresh('postgres') }] : []),
];
