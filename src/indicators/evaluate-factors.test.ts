import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import { loadFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedEvidence, storedFactors, type Fixtures } from './test-fixtures.ts';

const AS_OF = '2024-06-30';
const config = loadFactorConfig();

/** A child and a function naming the child's relatives uniquely, so that every case shares one store. */
type Child = { personId: string; recordId: number; rel: (name: string) => string };
type Setup = (fx: Fixtures, child: Child) => Promise<unknown>;

/** A parent with a record in `dataset`, named as a `parent_of` contact on the child's record. */
const parentWith = async (fx: Fixtures, child: Child, dataset: string) => {
  const parent = await fx.person(child.rel('parent'), { dataset, dob: '1980-05-05' });
  await fx.contact(child.recordId, child.rel('parent'), 'parent_of');
  return parent.recordId;
};

const cases: Array<{ description: string; factor: string; fires: Setup; doesNot: Setup }> = [
  {
    description: 'offending parent: a parent\'s caution, found through the contact on the child\'s school record',
    factor: 'offending_parent',
    fires: async (fx, child) => fx.event(await parentWith(fx, child, 'police'), 'police.caution', '2020-02-01'),
    doesNot: async (fx, child) => {
      const sibling = await fx.person(child.rel('sibling'), { dataset: 'police', dob: '2006-01-01' });
      await fx.contact(child.recordId, child.rel('sibling'), 'sibling_of');
      await fx.event(sibling.recordId, 'police.conviction', '2023-02-01');
    },
  },
  {
    description: 'poor attainment: the expected standard not reached (N)',
    factor: 'poor_attainment',
    fires: (fx, child) => fx.event(child.recordId, 'school.attainment', '2021-07-15', { value: 'N' }),
    doesNot: (fx, child) => fx.event(child.recordId, 'school.attainment', '2021-07-15', { value: 'Y' }),
  },
  {
    description: 'exclusion from school: a permanent exclusion',
    factor: 'school_exclusion',
    fires: (fx, child) => fx.event(child.recordId, 'school.permanent_exclusion', '2024-02-01'),
    doesNot: (fx, child) => fx.event(child.recordId, 'school.enrolment', '2024-02-01'),
  },
  {
    description: 'family breakup: a domestic abuse notification on the parent\'s record (household)',
    factor: 'family_breakup',
    fires: async (fx, child) => fx.event(await parentWith(fx, child, 'social-care'), 'social_care.domestic_abuse_notification', '2023-01-01'),
    doesNot: (fx, child) => fx.event(child.recordId, 'social_care.child_in_need', '2023-01-01'),
  },
  {
    description: 'family breakup: the child looked after (a spell that ended before the window does not count)',
    factor: 'family_breakup',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.looked_after', '2022-01-01'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.looked_after', '2021-01-01', { detail: { EndDate: '2021-06-30' } }),
  },
  {
    description: 'drug and alcohol misuse: an alcohol-related A&E attendance',
    factor: 'substance_misuse',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'health' }), 'health.alcohol_related_ae', '2024-06-30'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'police' }), 'police.arrest', '2024-06-01'),
  },
  {
    description: 'unemployment / NEET: a NEET spell in the last year',
    factor: 'neet',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'careers' }), 'employment.neet', '2024-01-01'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'careers' }), 'employment.neet', '2023-01-01', { detail: { ActivityEndDate: '30/06/2023' } }),
  },
  {
    description: 'homelessness: the household\'s application, the child listed as a household member on it',
    factor: 'homelessness',
    fires: async (fx, child) => {
      const applicant = await fx.person(child.rel('parent'), { dataset: 'housing', dob: '1980-05-05' });
      const listed = await fx.record(child.personId, { dataset: 'housing', kind: 'contact' });
      await fx.relate(listed, applicant.recordId, 'household_member');
      await fx.event(applicant.recordId, 'housing.homelessness_application', '2023-09-01');
    },
    doesNot: async (fx, child) => {
      const stranger = await fx.person(child.rel('stranger'), { dataset: 'housing', dob: '1980-05-05' });
      await fx.event(stranger.recordId, 'housing.temporary_accommodation', '2023-09-01');
    },
  },
  {
    description: 'persistent absence (extra)',
    factor: 'persistent_absence',
    fires: (fx, child) => fx.event(child.recordId, 'school.persistent_absence', '2024-03-31'),
    doesNot: (fx, child) => fx.event(child.recordId, 'school.suspension', '2024-03-31'),
  },
  {
    description: 'looked after (extra)',
    factor: 'looked_after',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.looked_after', '2023-03-01'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.child_in_need', '2023-03-01'),
  },
  {
    description: 'domestic abuse in the household (extra)',
    factor: 'domestic_abuse',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.domestic_abuse_notification', '2023-03-01'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.parental_separation', '2023-03-01'),
  },
  {
    description: 'child protection plan (extra)',
    factor: 'child_protection_plan',
    fires: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.child_protection_plan', '2023-03-01'),
    doesNot: async (fx, child) => fx.event(await fx.record(child.personId, { dataset: 'social-care' }), 'social_care.child_protection_plan', '2024-07-01'),
  },
];

describe.each(storeTargets)('factors on $name', ({ open }) => {
  let store: Store;
  let fx: Fixtures;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });

  describe('each shipped factor', () => {
    /** Every case's two children (with and without the evidence), evaluated together once. */
    let together: Record<string, string[]>;
    beforeAll(async () => {
      await resetStore(store);
      fx = fixtures(store);
      for (const [i, c] of cases.entries()) {
        for (const [name, setup] of [[`fires-${i}`, c.fires], [`not-${i}`, c.doesNot]] as const) {
          const child = await fx.person(name, { dob: '2010-01-01' });
          await setup(fx, { ...child, rel: (relative) => `${name}-${relative}` });
        }
      }
      await evaluateFactors(store, { asOf: AS_OF, config });
      together = await storedFactors(store, AS_OF);
    });

    it.each(cases.map((c, i) => ({ ...c, i })))('$description: fires on its evidence', ({ factor, i }) => {
      expect(together[`fires-${i}`] ?? []).toContain(factor);
    });

    it.each(cases.map((c, i) => ({ ...c, i })))('$description: not without it', ({ factor, i }) => {
      expect(together[`not-${i}`] ?? []).not.toContain(factor);
    });
  });

  describe('evaluation', () => {
    beforeEach(async () => { await resetStore(store); fx = fixtures(store); });

    it('keeps the evidence: agency, dataset, date, record, event and the relative it came through', async () => {
      const child = await fx.person('child');
      const policeRecord = await parentWith(fx, { ...child, rel: (name) => name }, 'police');
      const eventId = await fx.event(policeRecord, 'police.conviction', '2019-03-04', { recordedOn: '2019-03-10' });
      await evaluateFactors(store, { asOf: AS_OF, config });
      expect(await storedEvidence(store, AS_OF, 'child', 'offending_parent')).toEqual([{
        eventId, sourceRecordId: policeRecord, agencyId: 'police', datasetId: 'police', code: 'police.conviction',
        occurredOn: '2019-03-04', recordedOn: '2019-03-10', via: 'parent', relations: ['parent_of'],
      }]);
    });

    it('replaces the rows of the date on a re-run, and leaves other dates alone', async () => {
      const child = await fx.person('child');
      await fx.event(child.recordId, 'school.suspension', '2024-01-01');
      await evaluateFactors(store, { asOf: AS_OF, config });
      await evaluateFactors(store, { asOf: '2024-12-31', config });
      await store.sql.query(`UPDATE events SET code = 'school.enrolment'`);
      const summary = await evaluateFactors(store, { asOf: AS_OF, config });
      expect(summary.factors.find((f) => f.factor === 'school_exclusion')).toMatchObject({ persons: 0, evidenceEvents: 0 });
      expect(await storedFactors(store, AS_OF)).toEqual({});
      expect(await storedFactors(store, '2024-12-31')).toEqual({ child: ['school_exclusion'] });
    });

    it('summarises persons and evidence events per factor', async () => {
      for (const id of ['a', 'b']) {
        const { recordId } = await fx.person(id);
        await fx.event(recordId, 'school.suspension', '2024-01-01');
        await fx.event(recordId, 'school.suspension', '2024-02-01');
      }
      const summary = await evaluateFactors(store, { asOf: AS_OF, config });
      expect(summary.cohort).toBe(2);
      expect(summary.factors.find((f) => f.factor === 'school_exclusion')).toMatchObject({ persons: 2, evidenceEvents: 4 });
    });

    it.each([
      { description: 'too young (9)', dob: '2014-07-01', included: false },
      { description: 'youngest in range (10 on the day)', dob: '2014-06-30', included: true },
      { description: 'oldest in range (17)', dob: '2006-07-01', included: true },
      { description: 'too old (18 on the day)', dob: '2006-06-30', included: false },
      { description: 'no date of birth', dob: null, included: false },
    ])('evaluates young people of the configured ages only: $description', async ({ dob, included }) => {
      const { recordId } = await fx.person('p', { dob });
      await fx.event(recordId, 'school.suspension', '2024-01-01');
      await evaluateFactors(store, { asOf: AS_OF, config });
      expect(await storedFactors(store, AS_OF)).toEqual(included ? { p: ['school_exclusion'] } : {});
    });

    it('refuses an as-of date that is not a real date', async () => {
      await expect(evaluateFactors(store, { asOf: '2024-02-30', config })).rejects.toThrow(/2024-02-30.*not a real calendar date/);
    });
  });
});
