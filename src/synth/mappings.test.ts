import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnershipSchema } from '../governance/partnership-schema.ts';
import { adapters, mappingColumns, MappingSchema, parseMapping, type Mapping } from '../ingest/index.ts';
import { DATASETS } from './extracts/datasets.ts';
import { POLICE_COLUMNS } from './extracts/police-writer.ts';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

const CONFIG = join(import.meta.dirname, '../../config/town');
const readMapping = (dataset: string): Mapping => MappingSchema.parse(parseYaml(readFileSync(join(CONFIG, 'mappings', `${dataset}.yaml`), 'utf8')));
const cases = DATASETS.map((d) => ({ description: d.id, spec: d }));

/** What the mapping reads: the row's own columns, and `Group.column` inside repeated groups. */
function agreedNames(mapping: Mapping): string[] {
  const columns = mappingColumns(mapping);
  const names = [...columns.record];
  for (const [group, inner] of columns.groups) for (const column of inner) names.push(`${group}.${column}`);
  if (mapping.options.record_type) names.push(mapping.options.record_type.column);
  return names;
}

describe('shipped configuration', () => {
  it.each(cases)('mapping $description validates, with every cross-check of the ingest stage', ({ spec }) => {
    const result = parseMapping(readFileSync(join(CONFIG, 'mappings', `${spec.id}.yaml`), 'utf8'), spec.id);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const mapping = readMapping(spec.id);
    expect({ dataset: mapping.dataset, agency: mapping.agency, format: mapping.format }).toEqual({ dataset: spec.id, agency: spec.agency, format: spec.format });
  });

  it('partnership.yaml validates: one agency per source, one active agreement per dataset allowing exactly what the mapping reads', () => {
    const partnership = PartnershipSchema.parse(parseYaml(readFileSync(join(CONFIG, 'partnership.yaml'), 'utf8')));
    expect(partnership.agencies.map((a) => a.id).sort()).toEqual(DATASETS.map((d) => d.agency).sort());
    for (const spec of DATASETS) {
      const agreements = partnership.agreements.filter((a) => a.dataset === spec.id && a.active);
      expect(agreements.map((a) => a.agency)).toEqual([spec.agency]);
      expect([...(agreements[0]?.allowed_fields ?? [])].sort()).toEqual(agreedNames(readMapping(spec.id)).sort());
    }
  });
});

describe('mappings against a generated town', () => {
  let town: TownFixture;
  beforeAll(() => { town = makeTown({ people: 2000, seed: 2 }); });
  afterAll(() => town.remove());

  /** Every field name, and every column of every group element, that the ingest adapter yields. */
  async function seen(spec: (typeof DATASETS)[number], mapping: Mapping): Promise<{ rows: number; fields: Set<string>; groups: Map<string, Set<string>> }> {
    const fields = new Set<string>(), groups = new Map<string, Set<string>>();
    let rows = 0;
    for await (const item of adapters[spec.format]({ path: join(town.dir, spec.file), options: mapping.options })) {
      if (!item.ok) throw new Error(`${spec.file} row ${item.rowNumber}: ${item.error.message}`);
      rows++;
      for (const [k, v] of Object.entries(item.fields)) if (v !== null && v !== '') fields.add(k);
      for (const [g, elements] of Object.entries(item.groups)) {
        const set = groups.get(g) ?? new Set<string>();
        for (const e of elements) for (const [k, v] of Object.entries(e)) if (v !== null && v !== '') set.add(k);
        groups.set(g, set);
      }
    }
    return { rows, fields, groups };
  }

  it.each(cases)('$description: every column the mapping names is in the extract', async ({ spec }) => {
    const mapping = readMapping(spec.id);
    const columns = mappingColumns(mapping);
    if (spec.format === 'csv') {
      const header = town.text(spec.file).split('\n')[0]?.split(',') ?? [];
      expect([...columns.record].filter((c) => !header.includes(c))).toEqual([]);
    }
    if (spec.format === 'fixed-width') {
      expect(mapping.options.columns).toEqual(POLICE_COLUMNS.map((c) => ({ ...c })));
    }
    const { rows, fields, groups } = await seen(spec, mapping);
    expect(rows).toBeGreaterThan(0);
    expect([...columns.record].filter((c) => !fields.has(c))).toEqual([]);
    for (const [group, inner] of columns.groups) {
      const found = groups.get(group) ?? new Set<string>();
      expect([...inner].filter((c) => !found.has(c)).map((c) => `${group}.${c}`)).toEqual([]);
    }
  });
});
