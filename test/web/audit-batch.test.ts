/** Group commit of audit entries: concurrent views each get their own entry in one intact chain, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src/governance/index.ts';
import type { Store } from '../../src/store/index.ts';
import { appendAuditGrouped } from '../../src/web/audit-batch.ts';
import { storeTargets } from '../support/stores.ts';

describe.each(storeTargets)('appendAuditGrouped ($name)', (target) => {
  let store: Store;
  beforeAll(async () => { store = await target.open(); });
  afterAll(async () => { await store.close(); });

  it('appends every concurrent entry once, chained in order, durable when its caller is answered', async () => {
    await appendAudit(store, { actor: 'before', role: null, action: 'person.view', subjectRef: 'P0000001' });
    const views = Array.from({ length: 150 }, (_, i) => appendAuditGrouped(store, {
      actor: `user-${i}`, role: 'practitioner', action: 'person.view', subjectRef: `P${String(i).padStart(7, '0')}`,
      purpose: 'early_help', details: { pseudonymised: false },
    }));
    const alone = appendAudit(store, { actor: 'alone', role: null, action: 'person.view', subjectRef: 'P0000002' });
    const entries = await Promise.all(views);
    await alone;
    // Each caller got its own entry, and it is in the table as returned.
    expect(new Set(entries.map((e) => e.seq)).size).toBe(150);
    const rows = await store.sql.query<{ seq: string | number; actor: string; hash: string }>('SELECT seq, actor, hash FROM audit_log ORDER BY seq');
    expect(rows).toHaveLength(152);
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    for (const [i, entry] of entries.entries()) {
      expect(entry.actor).toBe(`user-${i}`);
      expect(bySeq.get(entry.seq)?.hash).toBe(entry.hash);
    }
    const verified = await verifyAuditChain(store);
    expect(verified).toMatchObject({ ok: true, entries: 152 });
  });

  it('refuses an unknown action alone, without failing the entries around it', async () => {
    const good = appendAuditGrouped(store, { actor: 'a', role: null, action: 'person.view', subjectRef: 'P0000003' });
    const bad = appendAuditGrouped(store, { actor: 'b', role: null, action: 'no.such.action' as 'person.view' });
    await expect(bad).rejects.toThrow(/unknown action/);
    await expect(good).resolves.toMatchObject({ actor: 'a' });
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true });
  });
});
