import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import { fixture } from '../../test/ingest/support/fixtures.ts';
import type { Store } from '../store/index.ts';
import { loadPartnership, parsePartnership, readPartnership } from './partnership-loader.ts';

const yaml = readFileSync(fixture('config/partnership.yaml'), 'utf8');

describe('parsePartnership', () => {
  it('validates the fixture and the town configuration', async () => {
    expect(parsePartnership(yaml).ok).toBe(true);
    expect((await readPartnership('config/town')).ok).toBe(true);
  });

  it('reports every problem at once, with its path and line', () => {
    const broken = `partnership: { name: P, area: A }
agencies:
  - { id: schools, name: Schools, sector: education }
  - { id: schools, name: Again, sector: education }
agreements:
  - id: a1
    agency: police
    dataset: arrests
    allowed_fields: [Id]
    lawful_basis: public task
    purposes: [prevention]
    retention_days: 10
    valid_from: '2024-01-01'
    valid_to: '2023-01-01'
`;
    const result = parsePartnership(broken);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}@${p.line}: ${p.message}`)).toEqual([
      'agencies.1.id@4: agency "schools" is listed twice',
      'agreements.0.agency@7: "police" is not one of the agencies listed above',
      'agreements.0.valid_to@14: ends (2023-01-01) before it starts (2024-01-01)',
    ]);
  });

  it('reports schema problems with their paths', () => {
    const result = parsePartnership(yaml.replace('purposes: [early_help, prevention]', 'purposes: [marketing]').replace("valid_from: '2020-01-01'", 'valid_from: 2020'));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['agreements.0.purposes.0', 'agreements.0.valid_from']);
  });
});

describe.each(storeTargets)('loadPartnership on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });

  it('loads agencies and agreements idempotently, and deactivates agreements no longer listed', async () => {
    const config = parsePartnership(yaml);
    if (!config.ok) throw new Error('fixture should validate');
    expect(await loadPartnership(store, config.config)).toEqual({ agencies: 4, agreements: 6, deactivated: 0, teams: 0 });
    expect(await loadPartnership(store, config.config)).toEqual({ agencies: 4, agreements: 6, deactivated: 0, teams: 0 });
    const rows = await store.sql.query<{ id: string; active: boolean; allowed_fields: string[]; valid_to: string | null }>(
      `SELECT id, active, allowed_fields, valid_to::text FROM agreements ORDER BY id`,
    );
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.id === 'dwp-claimants')).toMatchObject({ active: true, valid_to: '2030-12-31', allowed_fields: expect.arrayContaining(['NINO']) });
    const without = { ...config.config, agreements: config.config.agreements.filter((a) => a.id !== 'dwp-claimants') };
    expect(await loadPartnership(store, without)).toEqual({ agencies: 4, agreements: 5, deactivated: 1, teams: 0 });
    const [dwp] = await store.sql.query<{ active: boolean }>(`SELECT active FROM agreements WHERE id = 'dwp-claimants'`);
    expect(dwp?.active).toBe(false);
  });

  it('creates the configured teams, and renames but never removes them on a later load', async () => {
    const town = await readPartnership('config/town');
    if (!town.ok) throw new Error('the town configuration should validate');
    expect(town.config.teams.length).toBeGreaterThan(0);
    const loaded = await loadPartnership(store, town.config);
    expect(loaded.teams).toBe(town.config.teams.length);
    const ids = (await store.sql.query<{ id: string }>('SELECT id FROM teams ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(town.config.teams.map((t) => t.id)));
    const [first] = town.config.teams;
    const renamed = { ...town.config, teams: [{ ...first!, name: 'Renamed team' }] };
    await loadPartnership(store, renamed);
    const after = await store.sql.query<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY id');
    expect(after.map((r) => r.id)).toEqual(ids);
    expect(after.find((r) => r.id === first!.id)?.name).toBe('Renamed team');
  });
});
