import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { featureCsv } from './feature-csv.ts';
import { buildFeatureTable } from './feature-table.ts';
import { parseFactorConfig } from './load-factor-config.ts';
import { ageBand } from './protected-attributes.ts';
import { fixtures, resetStore, type Fixtures } from './test-fixtures.ts';

const AS_OF = '2022-06-30';
const parsed = parseFactorConfig(`
version: 1
factors:
  - { id: school_exclusion, label: E, description: d, subject: self, events: [school.suspension, school.permanent_exclusion], lookback_months: 24 }
  - { id: repeated_absence, label: A, description: d, subject: self, events: [school.persistent_absence], lookback_months: 36, min_count: 2 }
`);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const config = parsed.config;

describe('age bands', () => {
  it.each([
    { description: 'bottom of the first band', age: 10, band: '10-14' },
    { description: 'top of the first band', age: 14, band: '10-14' },
    { description: 'second band', age: 17, band: '15-17' },
    { description: 'below every band', age: 9, band: '<10' },
    { description: 'above every band', age: 18, band: '18+' },
  ])('$description', ({ age, band }) => expect(ageBand(age, [10, 15, 18])).toBe(band));
});

describe.each(storeTargets)('the feature table on $name', ({ open }) => {
  let store: Store;
  let fx: Fixtures;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });
  beforeEach(async () => { await resetStore(store); fx = fixtures(store); });

  const build = async (horizonMonths = 24) => buildFeatureTable(store, { asOf: AS_OF, horizonMonths, config });
  const labels = async () => Object.fromEntries((await build()).rows.map((r) => [r.personId, r.label]));

  it.each([
    { description: 'no offence', events: [], label: 0 },
    { description: 'a caution the day after the as-of date', events: [['police.caution', '2022-07-01']], label: 1 },
    { description: 'a court order on the last day of the horizon', events: [['youth_justice.court_order', '2024-06-30']], label: 1 },
    { description: 'a conviction the day after the horizon', events: [['police.conviction', '2024-07-01']], label: 0 },
    { description: 'an out-of-court disposal, then a conviction', events: [['youth_justice.out_of_court_disposal', '2023-01-01'], ['police.conviction', '2023-06-01']], label: 1 },
    { description: 'an arrest alone is not a proven offence', events: [['police.arrest', '2023-01-01']], label: 0 },
    { description: 'already offended on the as-of date: left out', events: [['police.caution', AS_OF]], label: undefined },
    { description: 'already offended before, offends again: left out', events: [['police.conviction', '2020-01-01'], ['police.conviction', '2023-01-01']], label: undefined },
  ] as const)('labels a first proven offence within the horizon: $description', async ({ events, label }) => {
    const { recordId } = await fx.person('p', { dob: '2008-01-01' });
    const police = await fx.record('p', { dataset: 'police', dob: '2008-01-01' });
    for (const [code, date] of events) await fx.event(police, code, date);
    await fx.event(recordId, 'school.enrolment', '2019-09-01');
    expect((await labels()).p).toBe(label);
  });

  it('leaves out an offence known only later, by the date it occurred', async () => {
    await fx.person('p');
    await fx.event(await fx.record('p', { dataset: 'police' }), 'police.caution', '2022-01-01', { recordedOn: '2022-09-01' });
    expect(await labels()).toEqual({});
  });

  it('takes the population from the configured ages, known by the date, not objecting', async () => {
    await fx.person('nine', { dob: '2012-07-01' });
    await fx.person('ten', { dob: '2012-06-30' });
    await fx.person('seventeen', { dob: '2004-07-01' });
    await fx.person('eighteen', { dob: '2004-06-30' });
    await fx.person('objects');
    await fx.object('objects');
    const later = await fx.batch('school', '2023-01-01T00:00:00Z');
    await fx.person('arrived_later', { batchId: later });
    expect(Object.keys(await labels())).toEqual(['seventeen', 'ten']);
    const wider = await buildFeatureTable(store, { asOf: AS_OF, config, population: { minAge: 9, maxAge: 18 } });
    expect(wider.rows.map((r) => r.personId)).toEqual(['eighteen', 'nine', 'seventeen', 'ten']);
  });

  it('gives flags and counts per factor, age from the most common date of birth, and nothing recorded later', async () => {
    const { recordId } = await fx.person('p', { dob: '2009-03-01', sex: 'M' });
    await fx.record('p', { dataset: 'social-care', dob: '2009-03-01', sex: 'M' });
    await fx.record('p', { dataset: 'health', dob: '2010-03-01', sex: 'F' });
    await fx.event(recordId, 'school.suspension', '2021-01-01');
    await fx.event(recordId, 'school.suspension', '2022-02-01');
    await fx.event(recordId, 'school.suspension', '2022-03-01', { recordedOn: '2022-07-01' });
    await fx.event(recordId, 'school.persistent_absence', '2021-07-01');
    const table = await build();
    expect(table.featureNames).toEqual(['age', 'school_exclusion', 'repeated_absence', 'school_exclusion_count', 'repeated_absence_count']);
    expect(table.rows).toEqual([{
      personId: 'p', asOf: AS_OF, age: 13, label: 0,
      features: { age: 13, school_exclusion: 1, repeated_absence: 0, school_exclusion_count: 2, repeated_absence_count: 1 },
      protected: { sex: 'M', age_band: '10-14', ethnicity: null, sen: null, fsm: null },
    }]);
  });

  it('keeps protected characteristics out of the features, from the attributes datasets map', async () => {
    await fx.person('p', { sex: 'F', attributes: { ethnicity: 'WBRI', fsm: 'Y' } });
    await fx.record('p', { dataset: 'social-care', attributes: { ethnicity: 'WBRI', sen: 'K' } });
    await fx.record('p', { dataset: 'health', attributes: { ethnicity: 'WIRI', religion: 'none' } });
    const [row] = (await build()).rows;
    expect(row?.protected).toEqual({ sex: 'F', age_band: '10-14', ethnicity: 'WBRI', sen: 'K', fsm: 'Y' });
    const leaked = Object.keys(row?.features ?? {}).filter((k) => ['sex', 'age_band', 'ethnicity', 'sen', 'fsm', 'religion'].includes(k));
    expect(leaked).toEqual([]);
    expect(Object.keys(row?.features ?? {})).toHaveLength(5);
  });

  it('says when the store cannot yet show the whole label window', async () => {
    const { recordId } = await fx.person('p');
    await fx.event(recordId, 'school.enrolment', '2024-01-01');
    expect(await build(24)).toMatchObject({ horizonEnd: '2024-06-30', labelWindowComplete: false });
    expect(await build(12)).toMatchObject({ horizonEnd: '2023-06-30', labelWindowComplete: true });
  });

  it('writes CSV with the protected columns marked, stacking several as-of dates', async () => {
    const { recordId } = await fx.person('p', { sex: 'F', attributes: { ethnicity: 'WBRI' } });
    await fx.event(recordId, 'school.suspension', '2021-01-01');
    const tables = [await build(), await buildFeatureTable(store, { asOf: '2023-06-30', config })];
    const rows = parse(featureCsv(tables), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'person_id', 'as_of', 'age', 'school_exclusion', 'repeated_absence', 'school_exclusion_count', 'repeated_absence_count',
      'label', 'protected__sex', 'protected__age_band', 'protected__ethnicity', 'protected__sen', 'protected__fsm',
    ]);
    expect(rows.map((r) => [r.as_of, r.age, r.school_exclusion, r.protected__sex, r.protected__sen])).toEqual([
      [AS_OF, '12', '1', 'F', ''], ['2023-06-30', '13', '0', 'F', ''],
    ]);
  });
});
