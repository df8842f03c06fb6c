import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import { loadFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedFactors, type Fixtures } from './test-fixtures.ts';

const AS_OF = '2024-06-30';
const config = loadFactorConfig();

type Case = { description: string; act: (fx: Fixtures, ids: Ids) => Promise<unknown>; expected: string[] };
type Ids = { child: number; childSocialCare: number; contact: number; parentPolice: number; childId: string; parentId: string };

const cases: Case[] = [
  { description: 'nothing flagged', act: async () => undefined, expected: ['family_breakup', 'offending_parent', 'school_exclusion'] },
  {
    description: 'an open dispute on the child\'s school record: its events and the parent it names are left out',
    act: (fx, ids) => fx.dispute(ids.child), expected: ['family_breakup'],
  },
  { description: 'an open dispute on the child\'s social care record', act: (fx, ids) => fx.dispute(ids.childSocialCare), expected: ['offending_parent', 'school_exclusion'] },
  {
    description: 'a dispute the agency has rejected',
    act: (fx, ids) => fx.dispute(ids.childSocialCare, 'rejected'), expected: ['family_breakup', 'offending_parent', 'school_exclusion'],
  },
  { description: 'the parent\'s police record disputed', act: (fx, ids) => fx.dispute(ids.parentPolice), expected: ['family_breakup', 'school_exclusion'] },
  { description: 'the contact record naming the parent disputed', act: (fx, ids) => fx.dispute(ids.contact), expected: ['family_breakup', 'school_exclusion'] },
  { description: 'the child objects', act: (fx, ids) => fx.object(ids.childId), expected: [] },
  {
    description: 'the child withdrew an objection',
    act: (fx, ids) => fx.object(ids.childId, 'withdrawn'), expected: ['family_breakup', 'offending_parent', 'school_exclusion'],
  },
  { description: 'the parent objects: their records are not used for the child', act: (fx, ids) => fx.object(ids.parentId), expected: ['family_breakup', 'school_exclusion'] },
];

describe.each(storeTargets)('disputes and objections on $name', ({ open }) => {
  let store: Store;
  let fx: Fixtures;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });

  describe('a child with a suspension, a parental separation and a parent cautioned', () => {
    /** Every case's family built side by side and evaluated once. */
    let together: Record<string, string[]>;
    beforeAll(async () => {
      await resetStore(store);
      fx = fixtures(store);
      for (const [i, { act }] of cases.entries()) {
        const [childId, parentId] = [`child-${i}`, `parent-${i}`];
        const child = await fx.person(childId);
        await fx.event(child.recordId, 'school.suspension', '2024-01-01');
        const childSocialCare = await fx.record(childId, { dataset: 'social-care' });
        await fx.event(childSocialCare, 'social_care.parental_separation', '2023-01-01');
        const parent = await fx.person(parentId, { dataset: 'police', dob: '1980-01-01' });
        await fx.event(parent.recordId, 'police.caution', '2023-01-01');
        const contact = await fx.contact(child.recordId, parentId, 'parent_of');
        await act(fx, { child: child.recordId, childSocialCare, contact, parentPolice: parent.recordId, childId, parentId });
      }
      await evaluateFactors(store, { asOf: AS_OF, config });
      together = await storedFactors(store, AS_OF);
    });

    it.each(cases.map((c, i) => ({ ...c, i })))('$description', ({ i, expected }) => {
      expect(together[`child-${i}`] ?? []).toEqual(expected);
    });

    it('never gives the adults factors', () => {
      expect(Object.keys(together).filter((id) => id.startsWith('parent'))).toEqual([]);
    });
  });

  describe('flags and merged persons', () => {
    beforeEach(async () => { await resetStore(store); fx = fixtures(store); });

    it('applies the `disputed` flag on a source record as an open dispute', async () => {
      const child = await fx.person('child');
      await fx.event(child.recordId, 'school.suspension', '2024-01-01');
      const flagged = await fx.record('child', { dataset: 'social-care', disputed: true });
      await fx.event(flagged, 'social_care.looked_after', '2024-01-01');
      await evaluateFactors(store, { asOf: AS_OF, config });
      expect(await storedFactors(store, AS_OF)).toEqual({ child: ['school_exclusion'] });
    });

    it('follows an objection made under a person id later merged into another', async () => {
      const child = await fx.person('child');
      await fx.event(child.recordId, 'school.suspension', '2024-01-01');
      await store.sql.query(`INSERT INTO persons (id, status, merged_into) VALUES ('old-id', 'merged', 'child')`);
      await fx.object('old-id');
      await evaluateFactors(store, { asOf: AS_OF, config });
      expect(await storedFactors(store, AS_OF)).toEqual({});
    });
  });
});
