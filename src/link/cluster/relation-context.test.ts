import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { RunContext } from '../run-context.ts';
import { defaultSpec } from '../spec/default-spec.ts';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { tableNames } from '../sql/table-names.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { coListedSql, distinctRelativesSql, relatedPairsSql, writeRelations } from './relation-context.ts';

/** A model over the default spec for given_name, family_name, postcode: the first non-null level agrees, the rest disagree. */
function model(): TrainedModel {
  const spec = defaultSpec('dedupe', ['given_name', 'family_name', 'postcode']);
  const params = (c: Comparison) => ({
    name: c.name,
    levels: c.levels.map((l, i) => (l.kind === 'null' ? { label: 'missing', m: null, u: null }
      : { label: l.kind, m: i === 1 ? 0.9 : 0.01, u: i === 1 ? 0.001 : 0.5 })),
  });
  return { spec, comparisons: spec.comparisons.map(params), prior: { lambda: 1e-4 } } as unknown as TrainedModel;
}

describe('relationship context', () => {
  it('pairs records related to one person, either way, named alike (whatever their family names), and tells apart the relatives named on one person whose given names differ', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const names = tableNames('people');
    const ctx = { connection, names, spec: model().spec } as unknown as RunContext;
    // 1, 2: the child's records (one cluster, 1); 3, 4, 5: contacts named on them; 6: a contact of someone else
    await connection.run(`CREATE TABLE ${names.clusters} AS SELECT * FROM (VALUES (2, 1)) AS t(__rid, cluster_id)`);
    await connection.run(`CREATE TABLE ${names.scored} AS SELECT * FROM (VALUES
      (3, 4, 1, 8, 1),  -- deborah pfannerstill / deborah beahan: given name agrees, family name does not
      (3, 5, 8, 1, 1),  -- deborah / trent, one family name: two people
      (3, 6, 1, 1, 1),  -- alike, but 6 is related to someone else
      (4, 5, 0, 1, 1),  -- given name missing on one side: neither
      (6, 7, 1, 8, 1)   -- 7, a housing applicant, names 9 as a household member; 6 is named on 9 too: alike
    ) AS t(__rid_l, __rid_r, g_given_name, g_family_name, g_postcode)`);
    const relations = await writeRelations(ctx, [[3, 1], [4, 2], [5, 2], [6, 9], [9, 7]]);
    const read = async (sql: string) => (await connection.runAndReadAll(`${sql} ORDER BY 1, 2`)).getRowsJS();
    expect(await read(relatedPairsSql(ctx, model(), relations))).toEqual([[3, 4], [6, 7]]);
    expect(await read(distinctRelativesSql(ctx, model(), relations))).toEqual([[3, 5]]);
    // named on the very same record: two people whatever their names (4 and 5 are both on 2)
    expect(await read(coListedSql(relations))).toEqual([[4, 5]]);
    connection.closeSync();
    instance.closeSync();
  });
});
