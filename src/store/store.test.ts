import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { storeTargets } from '../../test/support/stores.ts';
import { tables, type Store } from './index.ts';

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
