import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../test/support/stores.ts';
import type { Store } from '../store/index.ts';
import { addMonths } from './as-of-date.ts';
import { evaluateFactors } from './evaluate-factors.ts';
import { parseFactorConfig } from './load-factor-config.ts';
import { fixtures, resetStore, storedEvidence, storedFactors } from './test-fixtures.ts';

const AS_OF = '2024-06-30';
const WINDOW_START = addMonths(AS_OF, -24);

const parsed = parseFactorConfig(`
version: 1
factors:
  - { id: excluded, label: Excluded, description: d, subject: self, events: [school.suspension], lookback_months: 24 }
  - id: parent_offended
    label: Parent offended
    description: d
    subject: { kind: family, relations: [parent_of] }
    events: [police.caution]
    lookback_months: 24
`);
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const config = parsed.config;

const day = (offset: number) => new Date(Date.parse(`${AS_OF}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** An event some days either side of the as-of date, recorded at once, later, or with no recorded date. */
const arbitraryEvent = fc.record({
  whose: fc.constantFrom('child', 'parent'),
  occurred: fc.integer({ min: -900, max: 300 }),
  recordedLag: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
});
type GeneratedEvent = { whose: 'child' | 'parent'; occurred: number; recordedLag: number | undefined };

describe.each(storeTargets)('no look-ahead on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store.close(); });

  /** Loads the events, evaluates, and returns the event ids kept as evidence per factor. */
  async function evaluate(events: GeneratedEvent[]) {
    await resetStore(store);
    const fx = fixtures(store);
    const child = await fx.person('child');
    const parent = await fx.person('parent', { dataset: 'police', dob: '1980-01-01' });
    await fx.contact(child.recordId, 'parent', 'parent_of');
    const ids = new Map<number, GeneratedEvent>();
    // the value keeps two generated events on the same day distinct
    for (const [i, e] of events.entries()) {
      const id = await fx.event(e.whose === 'child' ? child.recordId : parent.recordId,
        e.whose === 'child' ? 'school.suspension' : 'police.caution', day(e.occurred),
        { recordedOn: e.recordedLag === undefined ? undefined : day(e.occurred + e.recordedLag), value: String(i) });
      ids.set(id, e);
    }
    await evaluateFactors(store, { asOf: AS_OF, config });
    const kept = async (factor: string) =>
      (await storedEvidence(store, AS_OF, 'child', factor)).map((ev) => ev.eventId as number).sort((a, b) => a - b);
    return { ids, excluded: await kept('excluded'), parentOffended: await kept('parent_offended') };
  }

  it('keeps exactly the events that occurred in the window and were recorded by the as-of date', async () => {
    await fc.assert(fc.asyncProperty(fc.array(arbitraryEvent, { maxLength: 6 }), async (events) => {
      const { ids, excluded, parentOffended } = await evaluate(events as GeneratedEvent[]);
      const expected = (whose: string) => [...ids.entries()]
        .filter(([, e]) => e.whose === whose)
        .filter(([, e]) => day(e.occurred) > WINDOW_START && day(e.occurred) <= AS_OF)
        .filter(([, e]) => day(e.occurred + (e.recordedLag ?? 0)) <= AS_OF)
        .map(([id]) => id).sort((a, b) => a - b);
      expect(excluded).toEqual(expected('child'));
      expect(parentOffended).toEqual(expected('parent'));
    }), { numRuns: 12 });
  });

  it('changes nothing when events after the as-of date, or recorded after it, are added', async () => {
    const future = fc.oneof(
      arbitraryEvent.map((e) => ({ ...e, occurred: Math.abs(e.occurred) + 1 })),
      arbitraryEvent.map((e) => ({ ...e, occurred: -Math.abs(e.occurred) % 700, recordedLag: Math.abs(e.occurred) % 700 + 1 + 400 })),
    );
    await fc.assert(fc.asyncProperty(fc.array(arbitraryEvent, { maxLength: 4 }), fc.array(future, { minLength: 1, maxLength: 4 }),
      async (known, later) => {
        const knownOnly = (known as GeneratedEvent[]).filter((e) => day(e.occurred + (e.recordedLag ?? 0)) <= AS_OF);
        const before = await evaluate(knownOnly);
        const beforeFactors = await storedFactors(store, AS_OF);
        const after = await evaluate([...knownOnly, ...(later as GeneratedEvent[])]);
        expect(await storedFactors(store, AS_OF)).toEqual(beforeFactors);
        // identities restart with each load, so the known events keep their ids
        expect([after.excluded, after.parentOffended]).toEqual([before.excluded, before.parentOffended]);
      }), { numRuns: 8 });
  });

  it.each([
    { description: 'on the as-of date', occurredOn: AS_OF, counted: true },
    { description: 'a day after', occurredOn: '2024-07-01', counted: false },
    { description: 'the first day of the window', occurredOn: '2022-07-01', counted: true },
    { description: 'the day before the window (exactly 24 months back)', occurredOn: '2022-06-30', counted: false },
    { description: 'recorded on the as-of date', occurredOn: '2024-06-01', recordedOn: AS_OF, counted: true },
    { description: 'recorded a day after the as-of date', occurredOn: '2024-06-01', recordedOn: '2024-07-01', counted: false },
  ])('the look-back window and recorded date: $description', async ({ occurredOn, recordedOn, counted }) => {
    await resetStore(store);
    const fx = fixtures(store);
    const child = await fx.person('child');
    await fx.event(child.recordId, 'school.suspension', occurredOn, { recordedOn });
    await evaluateFactors(store, { asOf: AS_OF, config });
    expect(await storedFactors(store, AS_OF)).toEqual(counted ? { child: ['excluded'] } : {});
  });
});
