import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../../test/support/stores.ts';
import type { Store } from '../../store/index.ts';
import { buildHousehold, type Household } from '../sar/test-household.ts';
import {
  excludedPersons, excludedRecords, memoryAuditSink, raiseDispute, recordObjection, resolveDispute, withdrawObjection,
} from './index.ts';

describe.each(storeTargets)('rights on $name', (target) => {
  let store: Store;
  let household: Household;
  const audit = memoryAuditSink();
  const disputed = async (id: number) =>
    (await store.sql.query<{ disputed: boolean }>('SELECT disputed FROM source_records WHERE id = $1', [id]))[0]?.disputed;

  beforeAll(async () => {
    store = await target.open();
    household = await buildHousehold(store, randomBytes(32));
    // Start from no rights flags: the household comes with an open dispute and an objection.
    await store.sql.exec(`DELETE FROM disputes; DELETE FROM objections; UPDATE source_records SET disputed = false;`);
  });
  afterAll(async () => store?.close());

  const outcomes = [
    { description: 'rejected: the record is right and counts again', outcome: 'rejected' as const, excludedAfter: false },
    { description: 'upheld: the record is wrong and stays out', outcome: 'upheld' as const, excludedAfter: true },
  ];
  it.each(outcomes)('a dispute takes the record out at once; $description', async ({ outcome, excludedAfter }) => {
    const recordId = outcome === 'rejected' ? household.childNhs : household.parentPolice;
    const raised = await raiseDispute(store, { sourceRecordId: recordId, reason: 'not me', by: 'dpo-1' }, audit);
    expect(raised).toMatchObject({ sourceRecordId: recordId, status: 'open', recordExcluded: true });
    expect(await disputed(recordId)).toBe(true);
    expect(await excludedRecords(store)).toContain(recordId);
    await expect(raiseDispute(store, { sourceRecordId: recordId, reason: 'again', by: 'dpo-1' }, audit))
      .rejects.toMatchObject({ code: 'TRB_RIGHTS_DISPUTE_OPEN' });

    const resolved = await resolveDispute(store, { disputeId: raised.disputeId, outcome, by: 'agency-lead', note: 'checked' }, audit);
    expect(resolved).toMatchObject({ status: outcome, recordExcluded: excludedAfter });
    expect(await disputed(recordId)).toBe(excludedAfter);
    expect((await excludedRecords(store)).includes(recordId)).toBe(excludedAfter);
    await expect(resolveDispute(store, { disputeId: raised.disputeId, outcome, by: 'x' }, audit))
      .rejects.toMatchObject({ code: 'TRB_RIGHTS_DISPUTE_CLOSED' });
    const [row] = await store.sql.query('SELECT status, outcome, resolved_by FROM disputes WHERE id = $1', [raised.disputeId]);
    expect(row).toEqual({ status: outcome, outcome: 'checked', resolved_by: 'agency-lead' });
  });

  it('an objection takes the person (and anyone merged into them) out until withdrawn', async () => {
    await store.sql.query(`INSERT INTO persons (id, status, merged_into) VALUES ('P-OLD', 'merged', 'P-CHILD')`);
    const recorded = await recordObjection(store, { personId: 'P-OLD', reason: 'by letter', by: 'dpo-1' }, audit);
    expect(recorded.status).toBe('active');
    expect(await excludedPersons(store)).toEqual(['P-CHILD', 'P-OLD']);
    await expect(recordObjection(store, { personId: 'P-OLD', reason: 'again', by: 'dpo-1' }, audit))
      .rejects.toMatchObject({ code: 'TRB_RIGHTS_OBJECTION_ACTIVE' });
    expect(await withdrawObjection(store, { personId: 'P-OLD', by: 'dpo-1' }, audit)).toMatchObject({ status: 'withdrawn' });
    expect(await excludedPersons(store)).toEqual([]);
    await expect(withdrawObjection(store, { personId: 'P-OLD', by: 'dpo-1' }, audit))
      .rejects.toMatchObject({ code: 'TRB_RIGHTS_NO_OBJECTION' });
  });

  const refusals = [
    { description: 'a dispute about no record', run: () => raiseDispute(store, { sourceRecordId: 999999, reason: 'x', by: 'a' }, audit), code: 'TRB_RIGHTS_NO_RECORD' },
    { description: 'resolving no dispute', run: () => resolveDispute(store, { disputeId: 999999, outcome: 'upheld', by: 'a' }, audit), code: 'TRB_RIGHTS_NO_DISPUTE' },
    { description: 'an objection for no person', run: () => recordObjection(store, { personId: 'P-NONE', reason: 'x', by: 'a' }, audit), code: 'TRB_RIGHTS_NO_PERSON' },
  ];
  it.each(refusals)('refuses $description, and audits nothing for it', async ({ run, code }) => {
    const before = audit.entries.length;
    await expect(run()).rejects.toMatchObject({ code });
    expect(audit.entries.length).toBe(before);
  });

  it('audits every step without personal data', () => {
    const actions = audit.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'rights.dispute_raised')).toHaveLength(2);
    expect(actions.filter((a) => a === 'rights.dispute_resolved')).toHaveLength(2);
    expect(actions).toContain('rights.objection_recorded');
    expect(actions).toContain('rights.objection_withdrawn');
    const text = JSON.stringify(audit.entries);
    for (const personal of ['not me', 'by letter', 'checked', 'Jamie', 'Dana']) expect(text).not.toContain(personal);
    expect(audit.entries[0]).toMatchObject({ actor: 'dpo-1', subjectRef: `source_record:${household.childNhs}`, details: { agency_id: 'nhs' } });
  });
});
