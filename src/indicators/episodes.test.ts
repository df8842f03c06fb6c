import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import { parseFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedFactors } from './test-fixtures.ts';

const AS_OF = '2024-06-30'; // a 24-month window opens after 2022-06-30

const parsed = parseFactorConfig(`
version: 1
episodes:
  social_care.looked_after: [EndDate, end]
factors:
  - id: care
    label: Care or separation
    description: d
    subject: self
    events: [social_care.looked_after, social_care.parental_separation]
    lookback_months: 24
`);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const config = parsed.config;

const cases: Array<{ description: string; code?: 'social_care.parental_separation'; start: string; detail?: Record<string, string>; counted: boolean }> = [
  { description: 'a spell started before the window, still going (no end)', start: '2019-03-01', counted: true },
  { description: 'a spell that ended inside the window', start: '2019-03-01', detail: { EndDate: '2023-01-31' }, counted: true },
  { description: 'a spell that ended after the as-of date', start: '2019-03-01', detail: { EndDate: '2025-01-31' }, counted: true },
  { description: 'a spell that ended before the window opened', start: '2019-03-01', detail: { EndDate: '2022-06-30' }, counted: false },
  { description: 'an end written DD/MM/YYYY', start: '2019-03-01', detail: { EndDate: '01/07/2022' }, counted: true },
  { description: 'an end under the second key', start: '2019-03-01', detail: { end: '2021-01-01' }, counted: false },
  { description: 'an end that cannot be read: treated as ended at once', start: '2019-03-01', detail: { EndDate: 'soon' }, counted: false },
  { description: 'a spell starting after the as-of date', start: '2024-07-01', counted: false },
  { description: 'an old one-off event is not a spell', code: 'social_care.parental_separation', start: '2019-03-01', counted: false },
];

describe.each(storeTargets)('spells on $name', ({ open }) => {
  let store: Store;
  let together: Record<string, string[]>;
  beforeAll(async () => {
    store = await open();
    await resetStore(store);
    const fx = fixtures(store);
    for (const [i, c] of cases.entries()) {
      const { recordId } = await fx.person(`child-${i}`, { dataset: 'social-care' });
      await fx.event(recordId, c.code ?? 'social_care.looked_after', c.start, { detail: c.detail });
    }
    await evaluateFactors(store, { asOf: AS_OF, config });
    together = await storedFactors(store, AS_OF);
  });
  afterAll(async () => { await store.close(); });

  it.each(cases.map((c, i) => ({ ...c, i })))('$description', ({ i, counted }) => {
    expect(together[`child-${i}`] ?? []).toEqual(counted ? ['care'] : []);
  });
});
