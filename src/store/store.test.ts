import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { postgresAdminUrl } from '../../test/support/environment.ts';
import { createTestDatabase, storeTargets } from '../../test/support/stores.ts';
import { statementName } from './database.ts';
import { openStore, tables, type Store } from './index.ts';

describe.each(storeTargets)('store on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });

  it('applies the migrations, creating every table of the canonical model', async () => {
    const rows = await store.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining([
      'agencies', 'agreements', 'datasets', 'events', 'ingest_batches', 'quarantined_rows',
      'relationships', 'source_records',
    ]));
  });

  it('round-trips an agency through drizzle', async () => {
    await store.db.insert(tables.agencies).values({ id: 'school-a', name: 'School A', sector: 'education' });
    const [row] = await store.db.select().from(tables.agencies).where(eq(tables.agencies.id, 'school-a'));
    expect(row?.name).toBe('School A');
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.query(`INSERT INTO agencies (id, name, sector) VALUES ('police', 'Police', 'justice')`);
      throw new Error('crash mid-way');
    })).rejects.toThrow('crash mid-way');
    const rows = await store.sql.query(`SELECT id FROM agencies WHERE id = 'police'`);
    expect(rows).toEqual([]);
  });
});

describe.runIf(postgresAdminUrl)('prepared statements on PostgreSQL', () => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    store = await openStore({ databaseUrl: database.url, preparedStatements: true });
  });
  afterAll(async () => { await store.close(); await drop(); });

  it('names each parameterised statement, reuses it on its connection, and answers as before', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    await store.transaction(async (tx) => {
      expect(await tx.query(text, [1])).toEqual([{ n: 2 }]);
      expect(await tx.query(text, [41])).toEqual([{ n: 42 }]);
      const held = await tx.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements');
      expect(held).toEqual([{ name: statementName(text), statement: text }]);
    });
    // A statement without parameters (it may hold several commands) runs unprepared.
    await store.sql.exec('SELECT 1; SELECT 2');
    expect(statementName(text)).not.toBe(statementName('SELECT $1::int + 2 AS n'));
  });
});
