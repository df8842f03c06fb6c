import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import { parseFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedFactors, type Fixtures } from './test-fixtures.ts';

const AS_OF = '2024-06-30';

/** A partnership's own definitions, written only in YAML. */
const yaml = `
version: 1
population: { min_age: 8, max_age: 24 }
factors:
  - id: repeated_suspension
    label: Repeated suspension
    description: Three or more suspensions in the last twelve months.
    subject: self
    events: [school.suspension]
    lookback_months: 12
    min_count: 3
  - id: working_towards
    label: Working towards the expected standard
    description: Teacher assessment WTS or PKF.
    subject: self
    events: [school.attainment]
    value: { in: [WTS, PKF] }
    lookback_months: 36
  - id: household_arrest
    label: Arrest in the household
    description: Someone in the household was arrested.
    subject: { kind: family, relations: [household_member] }
    events: [police.arrest]
    lookback_months: 12
  - id: switched_off
    label: Switched off
    description: Disabled.
    enabled: false
    subject: self
    events: [school.suspension]
    lookback_months: 12
`;
const parsed = parseFactorConfig(yaml);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const config = parsed.config;

describe.each(storeTargets)('a factor added in YAML on $name', ({ open }) => {
  let store: Store;
  let fx: Fixtures;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });
  beforeEach(async () => { await resetStore(store); fx = fixtures(store); });

  it('works without code: minimum count, a value set, a household relation, the population and `enabled`', async () => {
    const three = await fx.person('three', { dob: '2001-01-01' });
    for (const d of ['2023-08-01', '2024-01-01', '2024-05-01']) await fx.event(three.recordId, 'school.suspension', d);
    const two = await fx.person('two');
    for (const d of ['2023-06-01', '2024-01-01', '2024-05-01']) await fx.event(two.recordId, 'school.suspension', d);
    const wts = await fx.person('wts', { dob: '2015-01-01' });
    await fx.event(wts.recordId, 'school.attainment', '2023-07-01', { value: 'WTS' });
    await fx.event((await fx.person('exs')).recordId, 'school.attainment', '2023-07-01', { value: 'EXS' });
    const lodger = await fx.person('lodger', { dataset: 'police', dob: '1990-01-01' });
    await fx.contact(wts.recordId, 'lodger', 'household_member');
    await fx.event(lodger.recordId, 'police.arrest', '2024-02-01');

    const summary = await evaluateFactors(store, { asOf: AS_OF, config });
    expect(summary.factors.map((f) => f.factor)).toEqual(['repeated_suspension', 'working_towards', 'household_arrest']);
    expect(await storedFactors(store, AS_OF)).toEqual({
      three: ['repeated_suspension'],
      wts: ['household_arrest', 'working_towards'],
    });
  });

  it('counts the same event sent by two agencies once towards the minimum', async () => {
    const child = await fx.person('child');
    const copy = await fx.record('child', { dataset: 'social-care' });
    for (const d of ['2024-01-01', '2024-02-01']) {
      await fx.event(child.recordId, 'school.suspension', d);
      await fx.event(copy, 'school.suspension', d);
    }
    await evaluateFactors(store, { asOf: AS_OF, config });
    expect(await storedFactors(store, AS_OF)).toEqual({});
  });
});
