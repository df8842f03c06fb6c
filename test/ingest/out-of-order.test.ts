/**
 * Extracts of one dataset loaded out of order: with `record.as_of`, an older extract loaded after a
 * newer one adds its records and events but does not overwrite the newer values; a newer one does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/ingest/index.ts';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';
import { useIngestSuite } from './support/ingest-suite.ts';
import { countsOf, LOAD_DATE, loaded, loadFixturePartnership, planFor } from './support/load.ts';

const HEADER = 'PupilId,UPN,Forename,Surname,DOB,Postcode,SuspensionDate,ExclusionType,ParentName,ParentRelation,CensusDate';
const MAPPING = `dataset: pupils
agency: schools
format: csv
record:
  local_id: PupilId
  identifiers:
    given_name: Forename
    family_name: Surname
    dob: { column: DOB, format: DD/MM/YYYY }
    postcode: Postcode
  as_of: { column: CensusDate, format: DD/MM/YYYY }
events:
  - code: school.suspension
    date: { column: SuspensionDate, format: DD/MM/YYYY }
`;

const row = (id: string, surname: string, postcode: string, suspension: string, census: string): string =>
  `${id},,Ann,${surname},01/02/2010,${postcode},${suspension},,,,${census}`;

async function recordOf(store: Store, localId: string): Promise<{ family_name: string; postcode: string; batch_id: number } | undefined> {
  const [r] = await store.sql.query<{ family_name: string; postcode: string; batch_id: string | number }>(
    `SELECT family_name, postcode, batch_id FROM source_records WHERE dataset_id = 'pupils' AND local_id = $1`, [localId]);
  return r && { ...r, batch_id: Number(r.batch_id) };
}

describe.each(storeTargets)('extracts loaded out of order on $name', ({ open }) => {
  const suite = useIngestSuite(open);
  const plan = async () => {
    const config = join(suite.dir.path, 'config');
    mkdirSync(join(config, 'mappings'), { recursive: true });
    writeFileSync(join(config, 'mappings', 'pupils.yaml'), MAPPING);
    await loadFixturePartnership(suite.store, (yaml) => yaml.replace('ParentName, ParentRelation]', 'ParentName, ParentRelation, CensusDate]'));
    return planFor(suite.store, 'pupils', LOAD_DATE, config);
  };
  const load = async (name: string, rows: string[]) =>
    loaded(await loadFile(suite.store, await plan(), suite.dir.file(name, `${HEADER}\n${rows.join('\n')}\n`)));

  it('keeps the newer values when the older extract comes second, and still adds its records and events', async () => {
    const march = await load('march.csv', [row('P1', 'Smith-Jones', 'AB1 2CD', '10/02/2024', '01/03/2024')]);
    const january = await load('january.csv', [
      row('P1', 'Smith', 'ZZ9 9ZZ', '15/12/2023', '01/01/2024'), row('P2', 'Khan', 'AB1 2CD', '', '01/01/2024'),
    ]);
    expect(await recordOf(suite.store, 'P1')).toEqual({ family_name: 'smith jones', postcode: 'AB1 2CD', batch_id: march.batchId });
    expect(await recordOf(suite.store, 'P2')).toMatchObject({ family_name: 'khan', batch_id: january.batchId });
    expect(january.stats.eventsAdded).toBe(1);
    expect(await countsOf(suite.store, 'pupils')).toMatchObject({ subjects: 2, events: 2 });
  });

  it('lets a newer extract replace the values, and the newest row of a file win whatever its place', async () => {
    const april = await load('april.csv', [
      row('P1', 'Jones', 'CD3 4EF', '', '01/04/2024'), row('P1', 'Smith', 'ZZ9 9ZZ', '', '01/02/2024'),
    ]);
    expect(await recordOf(suite.store, 'P1')).toEqual({ family_name: 'jones', postcode: 'CD3 4EF', batch_id: april.batchId });
  });

  it('quarantines a row whose as-of date cannot be read', async () => {
    const bad = await load('bad.csv', [row('P3', 'Evans', 'AB1 2CD', '', '31/02/2024')]);
    expect([bad.stats.rowsLoaded, bad.stats.rowsQuarantined, [...bad.stats.quarantineCodes.keys()]]).toEqual([0, 1, ['INGEST_BAD_AS_OF']]);
  });
});
