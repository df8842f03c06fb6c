/** A dataset is ingested only under an active agreement, and only the columns it allows are kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset, prepareMapping, parseMapping } from '../../src/ingest/index.ts';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { fixtureConfig } from './support/fixtures.ts';
import { batchesOf, LOAD_DATE, loadFixturePartnership } from './support/load.ts';

describe.each(storeTargets)('agreements on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await loadFixturePartnership(store);
  });
  afterAll(async () => { await store.close(); });

  it.each([
    { description: 'before the agreement starts', dataset: 'claimants', date: '2019-12-31' },
    { description: 'after the agreement ends', dataset: 'claimants', date: '2031-01-01' },
  ])('refuses a dataset $description', async ({ dataset, date }) => {
    const prepared = await prepareDataset(store, fixtureConfig, dataset, date);
    expect(prepared).toMatchObject({ ok: false, code: 'INGEST_NO_AGREEMENT' });
    expect(!prepared.ok && prepared.problems[0]?.message).toContain(`dwp send ${dataset} on ${date}`);
  });

  it('refuses a dataset whose agreement is no longer in the partnership configuration', async () => {
    await loadFixturePartnership(store, (yaml) => yaml.replace(/  - id: dwp-claimants[\s\S]*$/, ''));
    expect(await prepareDataset(store, fixtureConfig, 'claimants', LOAD_DATE)).toMatchObject({ ok: false, code: 'INGEST_NO_AGREEMENT' });
    await loadFixturePartnership(store);
    expect(await prepareDataset(store, fixtureConfig, 'claimants', LOAD_DATE)).toMatchObject({ ok: true });
  });

  it('refuses a mapping that names columns outside the agreement, listing them all, before any file is read', async () => {
    const result = parseMapping(`
dataset: pupils
agency: schools
format: csv
record:
  local_id: PupilId
  identifiers: { family_name: Surname, nhs_number: NHSNumber }
  attributes: { ethnicity: Ethnicity }
`);
    if (!result.ok) throw new Error('fixture mapping should validate');
    const prepared = await prepareMapping(store, result.mapping, LOAD_DATE);
    expect(prepared).toMatchObject({ ok: false, code: 'INGEST_FIELDS_NOT_AGREED' });
    expect(!prepared.ok && prepared.problems.map((p) => p.path)).toEqual(['NHSNumber', 'Ethnicity']);
    expect(await batchesOf(store, 'pupils')).toEqual([]);
  });
});
