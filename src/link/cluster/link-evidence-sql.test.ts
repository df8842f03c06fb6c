import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../spec/linkage-spec-schema.ts';
import { defaultSpec } from '../spec/default-spec.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { agreeingLevels, evidencePredicate, namesAgreePredicate, namesDifferPredicate } from './link-evidence-sql.ts';

/** A model over the default spec for given_name, family_name, dob, postcode: m high on the first non-null level, low on `else`. */
function model(names: string[] = ['given_name', 'family_name']): TrainedModel {
  const spec = defaultSpec('dedupe', ['given_name', 'family_name', 'dob', 'postcode']);
  const withNames = { ...spec, clustering: { ...spec.clustering, names_only: names } };
  const params = (c: Comparison) => ({
    name: c.name,
    levels: c.levels.map((l, i) => (l.kind === 'null' ? { label: 'missing', m: null, u: null }
      : { label: l.kind, m: l.kind === 'else' ? 0.01 : i === 1 ? 0.9 : 0.02, u: l.kind === 'else' ? 0.9 : i === 1 ? 0.001 : 0.05 })),
  });
  return { spec: withNames, comparisons: spec.comparisons.map(params), prior: { lambda: 1e-4 } } as unknown as TrainedModel;
}

describe('minimum evidence, name agreement and given names telling relatives apart', () => {
  it('lists the agreeing levels (positive weight) of a comparison', () => {
    expect(agreeingLevels(model(), 'dob')).toEqual([1]);
  });

  it('writes the predicates over the comparison vector', () => {
    expect(evidencePredicate(model(), 's.')).toBe('(s."g_dob" IN (1) OR s."g_postcode" IN (1))');
    expect(evidencePredicate(model([]))).toBe('TRUE');
    expect(namesDifferPredicate(model(), 's.')).toBe('(NOT s."g_given_name" IN (0, 1))');
    expect(namesAgreePredicate(model(), 's.')).toBe('(s."g_given_name" IN (0, 1) AND s."g_family_name" IN (0, 1) AND (s."g_given_name" IN (1) OR s."g_family_name" IN (1)))');
  });

  it('keeps a pair agreeing on a date of birth and drops one agreeing on names alone, on DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const cases = [
      { description: 'names and dob agree', g: [1, 1, 1, 0], evidence: true, names: true, differ: false },
      { description: 'names agree, nothing else known', g: [1, 1, 0, 0], evidence: false, names: true, differ: false },
      { description: 'names agree, postcode differs', g: [1, 1, 0, 5], evidence: false, names: true, differ: false },
      { description: 'given name differs, postcode agrees', g: [8, 1, 0, 1], evidence: true, names: false, differ: true },
      { description: 'given name missing, family name agrees', g: [0, 1, 0, 1], evidence: true, names: true, differ: false },
      { description: 'family name missing, given name agrees', g: [1, 0, 0, 0], evidence: false, names: true, differ: false },
    ];
    for (const c of cases) {
      const [given, family, dob, postcode] = c.g;
      const reader = await connection.runAndReadAll(`SELECT ${evidencePredicate(model())} AS e, ${namesAgreePredicate(model())} AS n, ${namesDifferPredicate(model())} AS d
FROM (SELECT ${given} AS g_given_name, ${family} AS g_family_name, ${dob} AS g_dob, ${postcode} AS g_postcode)`);
      expect({ description: c.description, result: reader.getRowsJS()[0] }).toEqual({ description: c.description, result: [c.evidence, c.names, c.differ] });
    }
    connection.closeSync();
    instance.closeSync();
  });
});
