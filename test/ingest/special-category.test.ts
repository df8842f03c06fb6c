/**
 * Health (special category) events are sealed before they are written: neither the events nor the
 * records' raw values hold the clinical detail in clear, while the readers that hold the key (the
 * subject access export, the clinical-detail disclosure) still open it.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAR_SECTIONS, type SarContext } from '../../src/governance/sar/index.ts';
import { healthDisclosure, openEventFields } from '../../src/governance/special-category/index.ts';
import { loadFile, prepareDataset } from '../../src/ingest/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { countsOf, LOAD_DATE, loaded, loadFixturePartnership, planFor, TEST_HEALTH_KEY } from './support/load.ts';
import { tempDir, type TempDir } from './support/temp-files.ts';

const CLINICAL = ['Tier 3', 'cannabis', 'Hillside young people', 'ketamine'];
const HEADER = 'PatientID,Forename,Surname,DOB,Start,End,Tier,Substance,Service';
const EXTRACT = `${HEADER}
P1,Ann,Smith,01/02/2010,05/01/2024,01/03/2024,Tier 3,cannabis,Hillside young people's service
P2,Bob,Jones,31/12/2009,10/02/2024,,Tier 2,ketamine,Hillside young people's service
P9,Cy,Evans,31/02/2009,11/02/2024,,Tier 3,cannabis,Hillside young people's service
`;

const CLINIC_AGREEMENT = `
  - id: nhs-clinic
    agency: nhs
    dataset: clinic
    allowed_fields: [PatientID, Forename, Surname, DOB, Start, End, Tier, Substance, Service]
    lawful_basis: public task; health data under DPA 2018 Sch 1
    purposes: [early_help]
    retention_days: 2555
    valid_from: '2020-01-01'
`;

const CLINIC_MAPPING = `dataset: clinic
agency: nhs
format: csv
record:
  local_id: PatientID
  identifiers:
    given_name: Forename
    family_name: Surname
    dob: { column: DOB, format: DD/MM/YYYY }
events:
  - code: health.substance_misuse_treatment
    date: { column: Start, format: DD/MM/YYYY }
    value: Tier
    detail: [End, Substance, Service]
`;

/** A configuration folder holding the clinic dataset's mapping; the partnership is the fixture's plus its agreement. */
function makeConfig(dir: TempDir): string {
  const config = join(dir.path, 'config');
  mkdirSync(join(config, 'mappings'), { recursive: true });
  writeFileSync(join(config, 'mappings', 'clinic.yaml'), CLINIC_MAPPING);
  return config;
}

const withClinic = (yaml: string): string => `${yaml.trimEnd()}\n${CLINIC_AGREEMENT}`;

describe.each(storeTargets)('sealing health events at ingest on $name', ({ open }) => {
  let store: Store;
  let dir: TempDir;
  let configDir: string;
  beforeAll(async () => {
    store = await open();
    dir = tempDir();
    configDir = makeConfig(dir);
    await loadFixturePartnership(store, withClinic);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('stores no clinical detail in clear: events and records hold envelopes; dates stay readable', async () => {
    const plan = await planFor(store, 'clinic', LOAD_DATE, configDir);
    const { stats } = loaded(await loadFile(store, plan, dir.file('clinic-1.csv', EXTRACT)));
    expect([stats.rowsLoaded, stats.rowsQuarantined, stats.eventsAdded]).toEqual([2, 1, 2]);
    const rows = await store.sql.query<{ row: string }>(
      `SELECT e::text AS row FROM events e UNION ALL SELECT r::text FROM source_records r UNION ALL SELECT q::text FROM quarantined_rows q`);
    expect(rows.length).toBe(5);
    for (const { row } of rows) for (const text of CLINICAL) expect(row).not.toContain(text);
    const events = await store.sql.query<{ value: string; detail: Record<string, string>; special_category: boolean; occurred_on: string }>(
      `SELECT value, detail, special_category, occurred_on::text FROM events ORDER BY occurred_on`);
    expect(events.map((e) => [e.special_category, e.occurred_on, e.value.startsWith('v1:'), Object.keys(e.detail).sort()])).toEqual([
      [true, '2024-01-05', true, ['End', 'sealed']],
      [true, '2024-02-10', true, ['sealed']],
    ]);
    expect(events[0]!.detail.End).toBe('01/03/2024');
    expect(openEventFields(events[0]!, TEST_HEALTH_KEY)).toEqual({
      value: 'Tier 3', detail: { End: '01/03/2024', Substance: 'cannabis', Service: "Hillside young people's service" },
    });
  });

  it('still recognises a re-sent health event (equal values seal to equal envelopes)', async () => {
    const plan = await planFor(store, 'clinic', LOAD_DATE, configDir);
    const again = `${EXTRACT}P3,Cara,Khan,04/04/2011,01/03/2024,,Tier 2,alcohol,Hillside young people's service\n`;
    const { stats } = loaded(await loadFile(store, plan, dir.file('clinic-2.csv', again)));
    expect([stats.rowsLoaded, stats.eventsAdded]).toEqual([3, 1]);
    const [quarantined] = await store.sql.query<{ raw: string }>(`SELECT raw FROM quarantined_rows LIMIT 1`);
    expect(JSON.parse(quarantined!.raw)).toEqual({ PatientID: 'P9', Forename: 'Cy', Surname: 'Evans', DOB: '31/02/2009' });
    expect((await countsOf(store, 'clinic')).events).toBe(3);
  });

  it('opens the sealed fields for the readers that hold the key: subject access and clinical-detail disclosure', async () => {
    const [record] = await store.sql.query<{ id: string | number }>(`SELECT id FROM source_records WHERE dataset_id = 'clinic' AND local_id = 'P1'`);
    const ctx: SarContext = { sql: store.sql, personId: 'p', personIds: ['p'], recordIds: [Number(record!.id)], othersValues: new Set(), key: TEST_HEALTH_KEY };
    const section = SAR_SECTIONS.find((s) => s.id === 'events')!;
    expect(await section.rows(ctx)).toMatchObject([{ value: 'Tier 3', detail: { Substance: 'cannabis', End: '01/03/2024' }, specialCategory: true }]);
    expect(await section.rows({ ...ctx, key: undefined })).toMatchObject([{ value: '[sealed health data: ask for the key holder to open it]', detail: null }]);
    const [stored] = await store.sql.query<{ code: string; value: string; detail: unknown }>(
      `SELECT code, value, detail FROM events WHERE source_record_id = $1`, [record!.id]);
    const event = { code: stored!.code, specialCategory: true, value: stored!.value, detail: stored!.detail };
    expect(healthDisclosure(event, { healthDisclosure: 'clinical_detail' }, TEST_HEALTH_KEY)).toMatchObject({ kind: 'clinical_detail', value: 'Tier 3' });
    expect(healthDisclosure(event, { healthDisclosure: 'service_contact' }, TEST_HEALTH_KEY)).toEqual({ kind: 'service_contact', label: 'NHS: substance-misuse service contact' });
  });

  it('refuses a health dataset, reading nothing, when the configured key is not a valid key', async () => {
    const saved = process.env.TRIBUTARY_HEALTH_KEY;
    process.env.TRIBUTARY_HEALTH_KEY = 'not-a-key';
    try {
      const prepared = await prepareDataset(store, configDir, 'clinic', LOAD_DATE);
      expect(prepared).toMatchObject({ ok: false, code: 'INGEST_NO_HEALTH_KEY' });
      expect(JSON.stringify(prepared)).toContain('TRIBUTARY_HEALTH_KEY must be 32 bytes');
    } finally {
      if (saved === undefined) delete process.env.TRIBUTARY_HEALTH_KEY; else process.env.TRIBUTARY_HEALTH_KEY = saved;
    }
  });
});

describe('sealed health events at rest in a PGlite data folder', () => {
  it('leaves no clinical detail in any file of the folder', async () => {
    const dir = tempDir();
    try {
      const configDir = makeConfig(dir);
      const store = await openStore({ dataDir: join(dir.path, 'data') });
      await loadFixturePartnership(store, withClinic);
      const plan = await planFor(store, 'clinic', LOAD_DATE, configDir);
      loaded(await loadFile(store, plan, dir.file('clinic.csv', EXTRACT)));
      await store.sql.query('CHECKPOINT');
      await store.close();
      const files = walk(join(dir.path, 'data'));
      expect(files.length).toBeGreaterThan(10);
      const found = files.filter((file) => { const bytes = readFileSync(file); return CLINICAL.some((text) => bytes.includes(text)); });
      expect(found).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});

function walk(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => walk(join(path, name))) : [path];
}
