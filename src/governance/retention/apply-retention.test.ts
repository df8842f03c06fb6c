import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../../test/support/stores.ts';
import type { Store } from '../../store/index.ts';
import { memoryAuditSink } from '../rights/index.ts';
import { buildHousehold } from '../sar/test-household.ts';
import { applyRetention, formatRetentionReport, scheduleRetention } from './index.ts';

const TABLES = ['source_records', 'events', 'relationships', 'person_records', 'record_links', 'review_items', 'disputes',
  'persons', 'objections', 'factor_instances', 'scores', 'person_changes', 'quarantined_rows',
  'allocations', 'decisions', 'consents', 'support_plans', 'support_outcomes', 'reidentification_requests'];

/** Each query counts rows that point at something no longer there; all must be zero. */
const ORPHANS: Record<string, string> = {
  evidenceEvents: `SELECT count(*) FROM factor_instances fi, jsonb_array_elements(fi.evidence) ev
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = (ev->>'eventId')::bigint)`,
  evidenceRecords: `SELECT count(*) FROM factor_instances fi, jsonb_array_elements(fi.evidence) ev
    WHERE NOT EXISTS (SELECT 1 FROM source_records sr WHERE sr.id = (ev->>'sourceRecordId')::bigint)`,
  evidencePersons: `SELECT count(*) FROM factor_instances fi, jsonb_array_elements(fi.evidence) ev
    WHERE ev ? 'via' AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = ev->>'via')`,
  scoresWithoutFactors: `SELECT count(*) FROM scores s WHERE NOT EXISTS (
    SELECT 1 FROM factor_instances fi WHERE fi.person_id = s.person_id AND fi.as_of = s.as_of)`,
  personsWithoutRecords: `SELECT count(*) FROM persons p WHERE p.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM person_records pr WHERE pr.person_id = p.id)`,
  mergedIntoNobody: `SELECT count(*) FROM persons p WHERE p.merged_into IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.id = p.merged_into)`,
  personChanges: `SELECT count(*) FROM person_changes pc, jsonb_array_elements_text(pc.from_persons || pc.to_persons) x(id)
    WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = x.id)`,
  reidentificationRecords: `SELECT count(*) FROM reidentification_requests rr WHERE rr.source_record_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM source_records sr WHERE sr.id = rr.source_record_id)`,
  outcomesWithoutPlans: `SELECT count(*) FROM support_outcomes o WHERE NOT EXISTS (SELECT 1 FROM support_plans p WHERE p.id = o.plan_id)`,
  caseworkWithoutPersons: `SELECT count(*) FROM (SELECT person_id FROM allocations UNION ALL SELECT person_id FROM decisions
    UNION ALL SELECT person_id FROM consents UNION ALL SELECT person_id FROM support_plans
    UNION ALL SELECT person_id FROM reidentification_requests) c WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = c.person_id)`,
  // no foreign key deletes events with their record (migration 0010): retention must delete them itself
  eventsWithoutRecords: `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM source_records sr WHERE sr.id = e.source_record_id)`,
  contactsWithoutRelationships: `SELECT count(*) FROM source_records sr WHERE sr.kind = 'contact'
    AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.from_record_id = sr.id OR r.to_record_id = sr.id)`,
};

describe.each(storeTargets)('applyRetention on $name', (target) => {
  let store: Store;
  const audit = memoryAuditSink();
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) =>
    [table, Number((await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n)])));
  const orphans = async () => Object.fromEntries(await Promise.all(Object.entries(ORPHANS).map(async ([name, sql]) =>
    [name, Number((await store.sql.query<{ count: string | number }>(sql))[0]?.count)])));
  const noOrphans = Object.fromEntries(Object.keys(ORPHANS).map((name) => [name, 0]));

  beforeAll(async () => {
    store = await target.open();
    await buildHousehold(store, randomBytes(32));
    await store.sql.exec(`
      UPDATE ingest_batches SET started_at = '2024-01-15T00:00:00Z';
      INSERT INTO quarantined_rows (batch_id, dataset_id, row_number, code, message, raw)
        VALUES (2, 'police-custody', 9, 'TRB_BAD_DATE', 'bad date', '{"name":"SMITH/DANA"}');
      INSERT INTO persons (id, status, merged_into) VALUES ('P-PARENT-OLD', 'merged', 'P-PARENT');
      INSERT INTO person_changes (run_id, kind, from_persons, to_persons, records) VALUES (1, 'merged', '["P-PARENT-OLD","P-PARENT"]', '["P-PARENT"]', 2);
      INSERT INTO datasets (id, agency_id, format, mapping, mapping_hash) VALUES ('orphan-feed', 'school', 'csv', '{}', 'h9');
    `);
  });
  afterAll(async () => store?.close());

  const stages = [
    {
      description: 'a year on, the police and NHS records expire; the school records stay',
      asOf: '2025-03-01',
      totals: { sourceRecords: 2, events: 2, relationships: 0, quarantinedRows: 1, personRecords: 2, recordLinks: 2, reviewItems: 0,
        disputes: 0, persons: 0, objections: 0, factorInstances: 3, scores: 2, personChanges: 0,
        allocations: 0, decisions: 0, consents: 0, supportPlans: 0, supportOutcomes: 0, reidentificationRequests: 1 },
      left: { source_records: 2, persons: 3, factor_instances: 1, scores: 0, decisions: 2, support_plans: 2, reidentification_requests: 1 },
    },
    {
      description: 'three years on, the school records expire and both persons go with everything about them',
      asOf: '2027-01-01',
      totals: { sourceRecords: 2, events: 1, relationships: 1, quarantinedRows: 0, personRecords: 2, recordLinks: 1, reviewItems: 1,
        disputes: 1, persons: 3, objections: 1, factorInstances: 1, scores: 0, personChanges: 1,
        allocations: 2, decisions: 2, consents: 2, supportPlans: 2, supportOutcomes: 2, reidentificationRequests: 1 },
      left: {
        source_records: 0, persons: 0, factor_instances: 0, scores: 0, allocations: 0, decisions: 0, consents: 0, support_plans: 0,
        support_outcomes: 0, reidentification_requests: 0,
      },
    },
  ];
  it.each(stages)('$description (dry run first)', async ({ asOf, totals, left }) => {
    const before = await counts();
    const dry = await applyRetention(store, audit, { asOf, dryRun: true });
    expect(dry.totals).toEqual(totals);
    expect(await counts()).toEqual(before);
    expect(formatRetentionReport(dry)).toMatch(/dry run: nothing deleted/);

    const entriesBefore = audit.entries.length;
    const applied = await applyRetention(store, audit, { asOf, actor: 'dpo-1' });
    expect(applied.totals).toEqual(totals);
    expect(applied.ungoverned).toEqual(['orphan-feed']);
    expect(await counts()).toMatchObject(left);
    expect(await orphans()).toEqual(noOrphans);
    const tombstones = audit.entries.slice(entriesBefore);
    expect(tombstones.every((e) => e.action === 'retention.applied' && e.actor === 'dpo-1')).toBe(true);
    expect(tombstones.at(-1)?.details).toMatchObject({ as_of: asOf, source_records: totals.sourceRecords, persons: totals.persons });
  });

  it('keeps in the tombstones the agreement, period and cut-off, and no personal data', () => {
    const police = audit.entries.find((e) => e.subjectRef === 'dataset:police-custody');
    expect(police?.details).toEqual({
      stage: 'planned', as_of: '2025-03-01', agreement_id: 'dsa-police', retention_days: 365, cutoff: '2024-03-01',
      source_records: 1, events: 1, relationships: 0, quarantined_rows: 1,
      reason: 'no activity since the cut-off: last load and latest event both before it',
    });
    const text = JSON.stringify(audit.entries);
    for (const personal of ['P-CHILD', 'P-PARENT', 'UPN-A100', 'CUST-7781', 'NHS-5', 'Jamie', 'Dana', 'smith', 'SMITH']) {
      expect(text, personal).not.toContain(personal);
    }
  });

  it('does nothing and audits nothing when nothing has expired; runs on a schedule', async () => {
    const before = audit.entries.length;
    const reports: unknown[] = [];
    const schedule = scheduleRetention(store, { intervalMs: 60_000, audit, onReport: (r) => reports.push(r) });
    const report = await schedule.runNow();
    schedule.stop();
    expect(report?.totals.sourceRecords).toBe(0);
    expect(reports).toHaveLength(1);
    expect(audit.entries.length).toBe(before);
    expect(() => scheduleRetention(store, { intervalMs: 10, audit })).toThrow(/at least 1000/);
  });
});
