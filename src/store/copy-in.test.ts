import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CopyBinaryRows } from '../ingest/load/copy-binary.ts';
import { createTestDatabase, storeTargets } from '../../test/support/stores.ts';
import { postgresAdminUrl } from '../../test/support/environment.ts';
import { copyInAll, type CopyIn } from './copy-in.ts';
import type { Store } from './index.ts';

const TABLES = `
  CREATE TABLE copy_people (id int PRIMARY KEY, name text NOT NULL);
  CREATE TABLE copy_notes (person_id int NOT NULL REFERENCES copy_people (id), note text);`;

/** A COPY of people `ids` (named `name <id>`). */
const people = (ids: number[]): CopyIn => {
  const out = new CopyBinaryRows();
  for (const id of ids) out.row(2).int4(id).text(`name ${id}`);
  return { target: 'copy_people (id, name)', rows: out.take() };
};

/** A COPY of one note per id in `ids`, each `text` long. */
const notes = (ids: number[], text = 'a note'): CopyIn => {
  const out = new CopyBinaryRows();
  for (const id of ids) out.row(2).int4(id).text(text);
  return { target: 'copy_notes (person_id, note)', rows: out.take() };
};

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

describe.each(storeTargets)('binary COPYs on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.sql.exec(TABLES);
  });
  afterAll(async () => { await store.close(); });
  // each test starts empty, whatever the one before left
  afterEach(async () => { await store.sql.exec('TRUNCATE copy_notes, copy_people'); });

  const held = async (): Promise<{ people: number; notes: number }> => {
    const [row] = await store.sql.query<{ people: number; notes: number }>(
      'SELECT (SELECT count(*)::int FROM copy_people) AS people, (SELECT count(*)::int FROM copy_notes) AS notes');
    return row!;
  };

  it('loads several COPYs in order, a later one seeing the rows of an earlier one', async () => {
    await store.transaction(async (tx) => tx.copyIn!([people([1, 2, 3]), notes([1, 3]), notes([2])]));
    expect(await held()).toEqual({ people: 3, notes: 3 });
    expect(await store.sql.query('SELECT person_id, note FROM copy_notes ORDER BY person_id'))
      .toEqual([1, 2, 3].map((id) => ({ person_id: id, note: 'a note' })));
  });

  it('skips an empty stream and does nothing for an empty list', async () => {
    await store.transaction(async (tx) => {
      await tx.copyIn!([]);
      await tx.copyIn!([{ target: 'copy_people (id, name)', rows: new Uint8Array(0) }, people([7])]);
    });
    expect(await held()).toEqual({ people: 1, notes: 0 });
  });

  it('loads streams far larger than a socket buffer whole', async () => {
    const ids = range(1, 20_000);
    await store.transaction(async (tx) => tx.copyIn!([people(ids), notes(ids, 'x'.repeat(500))]));
    expect(await held()).toEqual({ people: 20_000, notes: 20_000 });
  });

  it.each([
    ['the first', () => [people([1, 1]), notes([1]), notes([1])], /duplicate key/],
    ['the second', () => [people(range(1, 5_000)), notes([1, 9_999]), notes(range(1, 5_000), 'y'.repeat(1_000))], /foreign key/],
    ['the last', () => [people([1]), notes([1]), { target: 'copy_notes (person_id, note)', rows: Buffer.from('not a COPY stream') }], /COPY file signature not recognized/],
  ])('rejects with the server\'s error when %s COPY fails, and leaves nothing of any of them', async (_which, copies, error) => {
    await expect(store.transaction(async (tx) => tx.copyIn!(copies()))).rejects.toThrow(error);
    expect(await held()).toEqual({ people: 0, notes: 0 });
    // the store goes on working, on whichever connection
    await store.transaction(async (tx) => tx.copyIn!([people([5])]));
    expect(await held()).toEqual({ people: 1, notes: 0 });
  });
});

describe.runIf(postgresAdminUrl)('binary COPYs in one round trip on one PostgreSQL connection', () => {
  let client: pg.Client;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(TABLES);
  });
  afterAll(async () => { await client.end(); await drop(); });
  afterEach(async () => { await client.query('ROLLBACK').catch(() => undefined); await client.query('TRUNCATE copy_notes, copy_people'); });

  /** Runs `work`, passing `watch` each piece of bytes written to the client's socket meanwhile. */
  const watchingWrites = async (watch: (bytes: Uint8Array) => void, work: () => Promise<void>): Promise<void> => {
    const connection = (client as unknown as { connection: { stream: { write: (bytes: Uint8Array) => boolean } } }).connection;
    const write = connection.stream.write.bind(connection.stream);
    connection.stream.write = (bytes: Uint8Array) => {
      watch(bytes);
      return write(bytes);
    };
    try {
      await work();
    } finally {
      connection.stream.write = write;
    }
  };

  it('sends the statements and all their data before any reply, and the server answers once', async () => {
    const sent: string[] = [];
    await watchingWrites((bytes) => sent.push(String.fromCharCode(bytes[0]!)), () => copyInAll(client, [people([1]), notes([1])]));
    // Query, then per COPY: CopyData header, its rows, CopyDone; all written in the one call
    expect(sent.filter((type) => type === 'Q' || type === 'd' || type === 'c')).toEqual(['Q', 'd', 'c', 'd', 'c']);
    expect((await client.query('SELECT count(*)::int AS n FROM copy_notes')).rows).toEqual([{ n: 1 }]);
  });

  it('sends a stream larger than one message as several CopyData messages, loaded whole', async () => {
    const ids = range(1, 3_000);
    const copies = [people(ids), notes(ids, 'n'.repeat(100))];
    let data = 0;
    await watchingWrites((bytes) => { if (bytes.length === 5 && bytes[0] === 0x64) data += 1; }, () => copyInAll(client, copies, 4_096));
    expect(data).toBe(copies.reduce((n, c) => n + Math.ceil(c.rows.length / 4_096), 0));
    expect((await client.query('SELECT count(*)::int AS people, count(DISTINCT name)::int AS names, sum(id)::int AS total FROM copy_people')).rows)
      .toEqual([{ people: 3_000, names: 3_000, total: (3_000 * 3_001) / 2 }]);
    expect((await client.query(`SELECT count(*)::int AS n FROM copy_notes WHERE note = repeat('n', 100)`)).rows).toEqual([{ n: 3_000 }]);
  });

  it('after a failed COPY, outside a transaction, the copy data still on its way is dropped and the connection answers the next query', async () => {
    const big = range(1, 30_000);
    await expect(copyInAll(client, [people([1, 1]), people(big), notes(big, 'z'.repeat(200))])).rejects.toThrow(/duplicate key/);
    expect((await client.query('SELECT (SELECT count(*) FROM copy_people)::int AS people, 41 + 1 AS answer')).rows)
      .toEqual([{ people: 0, answer: 42 }]);
    // inside a transaction the failure aborts it, and ROLLBACK brings the connection back
    await client.query('BEGIN');
    await expect(copyInAll(client, [people([2]), people([2])])).rejects.toThrow(/duplicate key/);
    await expect(client.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect((await client.query('SELECT count(*)::int AS n FROM copy_people')).rows).toEqual([{ n: 0 }]);
  });
});
