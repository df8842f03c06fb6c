/** Every format end to end, on PGlite and PostgreSQL: rows read = loaded + quarantined, in the summary and in the store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { batchesOf, countsOf, ingestFixture, loaded, loadFixturePartnership } from './support/load.ts';

const cases = [
  { dataset: 'pupils', file: 'pupils-town.csv', read: 4, loaded: 2, quarantined: 2, events: 3, contacts: 2, refused: ['Ethnicity'] },
  { dataset: 'pupils-fixed', file: 'pupils.txt', read: 3, loaded: 2, quarantined: 1, events: 0, contacts: 0, refused: ['type'] },
  { dataset: 'referrals', file: 'referrals.json', read: 4, loaded: 3, quarantined: 1, events: 2, contacts: 0, refused: ['flags'] },
  { dataset: 'children', file: 'children.xml', read: 2, loaded: 2, quarantined: 0, events: 3, contacts: 0, refused: [] },
  { dataset: 'patients', file: 'patients.fhir.ndjson', read: 2, loaded: 2, quarantined: 0, events: 3, contacts: 0, refused: ['gender', 'identifier.system', 'resourceType'] },
  { dataset: 'claimants', file: 'claimants.parquet', read: 3, loaded: 2, quarantined: 1, events: 2, contacts: 0, refused: ['Office'] },
];

describe.each(storeTargets)('loading every format on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await loadFixturePartnership(store);
  });
  afterAll(async () => { await store.close(); });

  it.each(cases)('$file: rows read = loaded + quarantined, in the summary, the batch and the store', async (c) => {
    const { stats, batchId } = loaded(await ingestFixture(store, c.dataset, c.file));
    expect([stats.rowsRead, stats.rowsLoaded, stats.rowsQuarantined, stats.eventsAdded, stats.contacts]).toEqual([c.read, c.loaded, c.quarantined, c.events, c.contacts]);
    expect([...stats.refusedColumns].sort()).toEqual(c.refused.sort());
    const counts = await countsOf(store, c.dataset, batchId);
    expect(counts).toMatchObject({ subjects: c.loaded, contacts: c.contacts, events: c.events, relationships: c.contacts, quarantined: c.quarantined });
    expect(await batchesOf(store, c.dataset)).toEqual([
      { id: batchId, status: 'complete', rows_read: c.read, rows_loaded: c.loaded, rows_quarantined: c.quarantined, events_loaded: c.events, error: null },
    ]);
  });

  it('keeps refused columns out of records and quarantined rows', async () => {
    const rows = await store.sql.query<{ raw: string }>(
      `SELECT raw::text AS raw FROM source_records UNION ALL SELECT raw FROM quarantined_rows`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { raw } of rows) expect(raw).not.toMatch(/Ethnicity|White British|"gender"|"flags"|North/);
  });

  it('quarantines with the reason, the row number and the column', async () => {
    const rows = await store.sql.query<{ row_number: number; column: string | null; code: string; message: string }>(
      `SELECT row_number, "column", code, message FROM quarantined_rows WHERE dataset_id = 'pupils' ORDER BY row_number`,
    );
    expect(rows).toEqual([
      { row_number: 3, column: 'DOB', code: 'INGEST_BAD_DOB', message: expect.stringContaining('"31/02/2009" is not a real date') },
      { row_number: 4, column: null, code: 'INGEST_NO_IDENTITY', message: expect.stringContaining('no name and no identifier') },
    ]);
  });

  it('records contacts as source records related to their subject, and marks health events special category', async () => {
    const relationships = await store.sql.query<{ from_id: string; to_id: string; kind: string }>(
      `SELECT f.local_id AS from_id, t.local_id AS to_id, r.kind FROM relationships r
         JOIN source_records f ON f.id = r.from_record_id JOIN source_records t ON t.id = r.to_record_id ORDER BY 1`,
    );
    expect(relationships).toEqual([
      { from_id: 'P1~contact-1-1', to_id: 'P1', kind: 'parent_of' },
      { from_id: 'P4~contact-1-1', to_id: 'P4', kind: 'parent_of' },
    ]);
    const special = await store.sql.query<{ code: string; special_category: boolean }>(
      `SELECT DISTINCT code, special_category FROM events WHERE dataset_id = 'patients' ORDER BY code`,
    );
    expect(special).toEqual([
      { code: 'health.alcohol_related_ae', special_category: true },
      { code: 'health.substance_misuse_treatment', special_category: true },
    ]);
  });
});
