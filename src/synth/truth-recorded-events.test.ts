/**
 * truth/events.csv says `recorded` = Y for exactly the events the extracts hold: a town is loaded
 * through ingest and, code by code, its events (by true person and date) are the truth's recorded ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTown } from '../ingest/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

/** Truth code → the event code ingest gives it (an offence the police recorded is an arrest). */
const CODES: Record<string, string> = {
  'behaviour.offence': 'police.arrest',
  'school.suspension': 'school.suspension',
  'school.permanent_exclusion': 'school.permanent_exclusion',
  'social_care.child_in_need': 'social_care.child_in_need',
  'social_care.child_protection_plan': 'social_care.child_protection_plan',
  'social_care.looked_after': 'social_care.looked_after',
  'social_care.domestic_abuse_notification': 'social_care.domestic_abuse_notification',
  'social_care.parental_separation': 'social_care.parental_separation',
  'housing.homelessness_application': 'housing.homelessness_application',
  'health.substance_misuse_treatment': 'health.substance_misuse_treatment',
  'health.alcohol_related_ae': 'health.alcohol_related_ae',
  'probation.supervision': 'probation.supervision',
  'employment.neet': 'employment.neet',
};

describe('the truth marks as recorded exactly the events the extracts hold', () => {
  let town: TownFixture;
  let store: Store;
  const loaded = new Map<string, Set<string>>();
  const truth = new Map<string, Set<string>>();
  beforeAll(async () => {
    town = makeTown({ people: 1500, seed: 5 });
    store = await openStore({ dataDir: 'memory://' });
    const extractDate = (town.manifest() as unknown as { options: { extractDate: string } }).options.extractDate;
    await loadTown(store, town.dir, { loadDate: extractDate, specialCategoryKey: Buffer.alloc(32, 1) });
    const personOf = new Map(town.csv('truth/records.csv').map((r) => [`${r.dataset}|${r.kind}|${r.local_id}`, r.person_id]));
    const rows = await store.sql.query<{ dataset_id: string; local_id: string; code: string; on: string }>(
      `SELECT e.dataset_id, r.local_id, e.code, e.occurred_on::text AS on FROM events e JOIN source_records r ON r.id = e.source_record_id WHERE r.kind = 'subject'`);
    for (const r of rows) {
      const set = loaded.get(r.code) ?? new Set<string>();
      set.add(`${personOf.get(`${r.dataset_id}|subject|${r.local_id}`)}|${r.on}`);
      loaded.set(r.code, set);
    }
    for (const e of town.csv('truth/events.csv')) {
      if (e.recorded !== 'Y' || !CODES[e.code!]) continue;
      const set = truth.get(CODES[e.code!]!) ?? new Set<string>();
      set.add(`${e.person_id}|${e.date}`);
      truth.set(CODES[e.code!]!, set);
    }
  }, 120_000);
  afterAll(async () => {
    await store.close();
    town.remove();
  });

  it.each(Object.entries(CODES).map(([from, code]) => ({ description: `${from} → ${code}`, code })))('$description', ({ code }) => {
    const inTruth = [...(truth.get(code) ?? [])].sort();
    expect(inTruth.length).toBeGreaterThan(0);
    expect([...(loaded.get(code) ?? [])].sort()).toEqual(inTruth);
  });
});
