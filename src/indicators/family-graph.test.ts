import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import type { FactorConfig } from './factor-definitions.ts';
import { loadFactorConfig, parseFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedEvidence, storedFactors, type Fixtures } from './test-fixtures.ts';

const AS_OF = '2024-06-30';
const shipped = loadFactorConfig();

const configOf = (yaml: string): FactorConfig => {
  const result = parseFactorConfig(yaml);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
};

const siblingConfig = configOf(`
version: 1
factors:
  - id: offending_sibling
    label: Offending sibling
    description: A brother or sister was cautioned.
    subject: { kind: family, relations: [sibling_of] }
    events: [police.caution]
    lookback_months: 24
`);

describe.each(storeTargets)('the family graph on $name', ({ open }) => {
  let store: Store;
  let fx: Fixtures;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });
  beforeEach(async () => { await resetStore(store); fx = fixtures(store); });

  const factorsOfChild = async (config: FactorConfig = shipped) => {
    await evaluateFactors(store, { asOf: AS_OF, config });
    return (await storedFactors(store, AS_OF)).child ?? [];
  };

  it('walks child → record → contact → parent person → all the parent\'s records → events', async () => {
    const child = await fx.person('child');
    const police = await fx.person('parent', { dataset: 'police', dob: '1980-01-01' });
    const probation = await fx.record('parent', { dataset: 'probation', dob: '1980-01-01' });
    await fx.contact(child.recordId, 'parent', 'carer_of');
    const caution = await fx.event(police.recordId, 'police.caution', '2018-01-01');
    const supervision = await fx.event(probation, 'probation.supervision', '2022-01-01');
    expect(await factorsOfChild()).toEqual(['offending_parent']);
    const evidence = await storedEvidence(store, AS_OF, 'child', 'offending_parent');
    expect(evidence.map((e) => [e.eventId, e.via, e.relations])).toEqual([
      [caution, 'parent', ['carer_of']], [supervision, 'parent', ['carer_of']],
    ]);
  });

  it.each([
    { description: 'recorded as from the sibling to the child', siblingIsFrom: true },
    { description: 'recorded as from the child to the sibling', siblingIsFrom: false },
  ])('a sibling\'s offence counts only where configured, walked both ways: $description', async ({ siblingIsFrom }) => {
    const child = await fx.person('child');
    const sibling = await fx.person('sibling', { dataset: 'police', dob: '2005-01-01' });
    if (siblingIsFrom) await fx.relate(sibling.recordId, child.recordId, 'sibling_of');
    else await fx.relate(child.recordId, sibling.recordId, 'sibling_of');
    await fx.event(sibling.recordId, 'police.caution', '2024-01-01');
    expect(await factorsOfChild()).toEqual([]);
    expect(await factorsOfChild(siblingConfig)).toEqual(['offending_sibling']);
  });

  it('walks parent_of one way only: the child\'s own child\'s caution is not an offending parent', async () => {
    const child = await fx.person('child', { dob: '2007-01-01' });
    const baby = await fx.person('baby', { dataset: 'police', dob: '2023-01-01' });
    await fx.relate(child.recordId, baby.recordId, 'parent_of');
    await fx.event(baby.recordId, 'police.caution', '2024-01-01');
    expect(await factorsOfChild()).toEqual([]);
  });

  it('does not treat the child as their own relative when a contact was linked to them', async () => {
    const child = await fx.person('child');
    const police = await fx.record('child', { dataset: 'police' });
    await fx.contact(child.recordId, 'child', 'parent_of');
    await fx.event(police, 'police.caution', '2024-01-01');
    expect(await factorsOfChild()).toEqual([]);
  });

  it('uses an unlinked contact record on its own, without inventing a person', async () => {
    const child = await fx.person('child');
    const contact = await fx.contact(child.recordId, null, 'parent_of');
    await fx.event(contact, 'police.conviction', '2024-01-01');
    await evaluateFactors(store, { asOf: AS_OF, config: shipped });
    expect(await storedEvidence(store, AS_OF, 'child', 'offending_parent')).toMatchObject([{ sourceRecordId: contact, relations: ['parent_of'] }]);
    expect((await storedEvidence(store, AS_OF, 'child', 'offending_parent'))[0]).not.toHaveProperty('via');
  });

  it.each([
    { description: 'batch_or_activity, relationship loaded later, no activity on either record by then', knownFrom: 'batch_or_activity', activity: false, counted: false },
    { description: 'batch_or_activity, relationship loaded later, the child\'s record active by then', knownFrom: 'batch_or_activity', activity: true, counted: true },
    { description: 'batch, relationship loaded later even though the record was active', knownFrom: 'batch', activity: true, counted: false },
  ] as const)('a relationship loaded after the as-of date: $description', async ({ knownFrom, activity, counted }) => {
    const early = await fx.batch('school', '2020-01-01T00:00:00Z');
    const late = await fx.batch('school', '2025-01-01T00:00:00Z');
    const child = await fx.person('child', { batchId: early });
    if (activity) await fx.event(child.recordId, 'school.enrolment', '2021-09-01', { batchId: early });
    const parent = await fx.person('parent', { dataset: 'police', dob: '1980-01-01', batchId: await fx.batch('police', '2020-01-01T00:00:00Z') });
    await fx.event(parent.recordId, 'police.caution', '2023-01-01');
    await fx.contact(child.recordId, 'parent', 'parent_of', { batchId: late });
    const config = { ...shipped, known_from: knownFrom };
    expect((await factorsOfChild(config)).includes('offending_parent')).toBe(counted);
  });
});
