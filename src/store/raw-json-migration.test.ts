/**
 * Migration 0013 turns `source_records.raw` from jsonb into json: a store migrated before it keeps
 * every record's raw values through it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';

const migrations = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(migrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('migration 0013 (raw values as json)', () => {
  const before = migrationsBefore('0013_records_raw_json');
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it('keeps every record\'s raw values, nested, accented and empty alike', async () => {
    const client = await PGlite.create('memory://');
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: before });
    const values = [
      { Id: 'B1', Forename: 'Zoë', Surname: "O'Brien-Smith", DOB: '01/02/2010' },
      { Id: 'B2', contacts: [{ name: 'Ann', role: 'mother' }], score: 3.5, flag: true, none: null },
      {},
    ];
    for (const [i, raw] of values.entries()) {
      await client.query(
        `INSERT INTO source_records (dataset_id, agency_id, batch_id, local_id, row_number, raw) VALUES ('d', 'a', 1, $1, $2, $3::jsonb)`,
        [`L${i}`, i + 2, JSON.stringify(raw)]);
    }
    await migrate(db, { migrationsFolder: migrations });
    const type = await client.query<{ t: string }>(`SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'source_records' AND column_name = 'raw'`);
    expect(type.rows).toEqual([{ t: 'json' }]);
    const rows = await client.query<{ raw: unknown; dob: string | null }>(`SELECT raw, raw ->> 'DOB' AS dob FROM source_records ORDER BY row_number`);
    expect(rows.rows.map((r) => r.raw)).toEqual(values);
    expect(rows.rows.map((r) => r.dob)).toEqual(['01/02/2010', null, null]);
    await client.close();
  });
});
