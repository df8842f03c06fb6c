/**
 * Bulk inserts by `unnest` of one array per column: every value arrives as sent (text with
 * quotes, commas, braces and backslashes; nulls; jsonb objects and arrays; bigints), across
 * chunk boundaries, on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLinksSql } from '../../src/link/store/insert-links.ts';
import { insertRows, unnestInsertSql } from '../../src/link/store/insert-rows.ts';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';

const awkward = ['plain', 'with "quotes"', 'a,b', '{braces}', 'back\\slash', 'NULL', '', "it's", 'ü ñ 漢字', null];

it('generates one unnest statement with jsonb cast from text', () => {
  expect(unnestInsertSql('t', [['id', 'bigint'], ['doc', 'jsonb']], 'ON CONFLICT DO NOTHING'))
    .toBe('INSERT INTO t (id, doc) SELECT x.id, x.doc::jsonb FROM unnest($1::bigint[], $2::text[]) AS x(id, doc) ON CONFLICT DO NOTHING');
});

it('builds the links\' comparison jsonb on the server from one small-integer array per comparison', () => {
  expect(insertLinksSql(['given_name', 'dob'])).toBe(`INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability, comparison)
SELECT $1::bigint, x.l, x.r, x.w, x.p, jsonb_build_object('given_name', x.g0, 'dob', x.g1)
FROM unnest($2::bigint[], $3::bigint[], $4::float8[], $5::float8[], $6::int2[], $7::int2[]) AS x(l, r, w, p, g0, g1)`);
  expect(() => insertLinksSql(["x'); DROP TABLE persons; --"])).toThrow(/not a comparison name/);
});

describe.each(storeTargets)('insertRows on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await store.sql.exec('CREATE TABLE insert_rows_probe (id bigint PRIMARY KEY, label text, weight float8, doc jsonb)');
  }, 120_000);
  afterAll(async () => { await store?.close(); });

  it('inserts every row exactly as given, in several chunks, and honours the suffix', async () => {
    const count = 25;
    const row = (i: number) => [9_007_199_254_740 + i, awkward[i % awkward.length], i / 3,
      i % 3 === 0 ? null : i % 3 === 1 ? { name: awkward[i % awkward.length], n: i } : '["x",1]'];
    await insertRows(store.sql, 'insert_rows_probe', [['id', 'bigint'], ['label', 'text'], ['weight', 'float8'], ['doc', 'jsonb']], count, row, { chunk: 7 });
    await insertRows(store.sql, 'insert_rows_probe', [['id', 'bigint'], ['label', 'text'], ['weight', 'float8'], ['doc', 'jsonb']], 1,
      () => [9_007_199_254_740, 'changed', 0, null], { suffix: 'ON CONFLICT (id) DO UPDATE SET label = excluded.label' });
    const rows = await store.sql.query<{ id: string; label: string | null; weight: number; doc: unknown }>(
      'SELECT id::text AS id, label, weight, doc FROM insert_rows_probe ORDER BY id');
    expect(rows).toHaveLength(count);
    rows.forEach((r, i) => {
      const [id, label, weight, doc] = row(i);
      expect(r.id).toBe(String(id));
      expect(r.label).toBe(i === 0 ? 'changed' : label);
      expect(Number(r.weight)).toBeCloseTo(weight as number, 12);
      expect(r.doc).toEqual(typeof doc === 'string' ? JSON.parse(doc) : doc);
    });
  });
});
