import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAdminUrl } from '../../test/support/environment.ts';
import { createTestDatabase, storeTargets } from '../../test/support/stores.ts';
import { openStore, type Store } from '../store/index.ts';
import { applicationRoleGrants } from './app-role-grants.ts';
import { appendAudit, GENESIS_HASH, hashEntry } from './audit-chain.ts';
import { verifyAuditChain } from './audit-verify.ts';

const entry = (n: number) => ({
  actor: `user-${n}`, role: 'practitioner', action: 'person.view' as const, subjectRef: `p-${n}abcdef`,
  purpose: 'early_help', details: { pseudonymised: false, n },
});

describe.each(storeTargets)('audit chain on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => { store = await open(); });
  afterAll(async () => { await store?.close(); });

  it('links each entry to the one before by hash, starting from the genesis hash', async () => {
    const first = await appendAudit(store, entry(1), new Date('2026-11-01T09:00:00.123Z'));
    const second = await appendAudit(store, entry(2));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    const { hash, ...rest } = first;
    expect(hashEntry(rest)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, entries: 2, headHash: second.hash });
  });

  it('stays one unbroken chain when many requests append at once', async () => {
    const before = await verifyAuditChain(store);
    await Promise.all(Array.from({ length: 30 }, (_, i) => appendAudit(store, entry(100 + i))));
    const rows = await store.sql.query<{ seq: string | number }>('SELECT seq FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: before.entries + 30 }, (_, i) => i + 1));
    expect(await verifyAuditChain(store, 7)).toMatchObject({ ok: true, entries: before.entries + 30 });
  });

  it('refuses personal-looking detail shapes: only flat, short values', async () => {
    await expect(appendAudit(store, { ...entry(1), details: { nested: { a: 1 } } as never })).rejects.toThrow();
    await expect(appendAudit(store, { ...entry(1), action: 'anything' as never })).rejects.toThrow();
  });

  it.each([
    { description: 'UPDATE', sql: `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1` },
    { description: 'DELETE', sql: 'DELETE FROM audit_log WHERE seq = 1' },
    { description: 'TRUNCATE', sql: 'TRUNCATE audit_log' },
  ])('refuses $description of the audit log', async ({ sql }) => {
    await expect(store.sql.query(sql)).rejects.toThrow(/audit_log is append-only/);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it.each([
    {
      description: 'a changed entry breaks the chain at that entry (hash mismatch)',
      tamper: `UPDATE audit_log SET details = '{"pseudonymised": true, "n": 2}' WHERE seq = 2`, seq: 2, reason: 'hash_mismatch', entries: 1,
    },
    {
      description: 'a removed entry breaks the chain at the entry after it (sequence gap)',
      tamper: 'DELETE FROM audit_log WHERE seq = 5', seq: 6, reason: 'sequence_gap', entries: 4,
    },
  ])('$description, and verifies again once it is put back', async ({ tamper, seq, reason, entries }) => {
    const [original] = await store.sql.query('SELECT * FROM audit_log WHERE seq = $1', [seq === 6 ? 5 : seq]);
    await store.sql.exec('DROP TRIGGER audit_log_no_update_or_delete ON audit_log');
    try {
      await store.sql.query(tamper);
      const result = await verifyAuditChain(store);
      expect(result).toMatchObject({ ok: false, brokenAt: seq, reason, entries });
      if (!result.ok) expect(result.message).toContain(`entry ${seq}`);
      const columns = Object.keys(original!);
      await store.sql.query(`DELETE FROM audit_log WHERE seq = $1`, [original!.seq]);
      await store.sql.query(
        `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => (c === 'details' ? JSON.stringify(original![c]) : original![c])),
      );
      expect((await verifyAuditChain(store)).ok).toBe(true);
    } finally {
      await store.sql.exec(`CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    }
  });
});

describe.skipIf(!postgresAdminUrl)('the application role on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let owner: Store;
  const role = `tributary_app_${Math.random().toString(36).slice(2, 8)}`;
  let app: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await openStore({ databaseUrl: db.url });
    await appendAudit(owner, entry(1));
    await owner.sql.exec(`CREATE ROLE ${role} LOGIN PASSWORD 'app-password'`);
    const database = new URL(db.url).pathname.slice(1);
    for (const statement of applicationRoleGrants(role, database)) await owner.sql.exec(statement);
    // Without the trigger, only the grants stand between the application and the log.
    await owner.sql.exec('DROP TRIGGER audit_log_no_update_or_delete ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log');
    const url = new URL(db.url);
    url.username = role;
    url.password = 'app-password';
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await owner?.close();
    await db?.drop();
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('may read and append the audit log, and use the working tables', async () => {
    const rows = await app.query('SELECT count(*)::int AS n FROM audit_log');
    expect(rows.rows[0].n).toBe(1);
    await app.query(`INSERT INTO teams (id, name) VALUES ('t1', 'Team')`);
    await app.query(`UPDATE teams SET name = 'Team one' WHERE id = 't1'`);
  });

  it.each([
    { description: 'UPDATE', sql: `UPDATE audit_log SET actor = 'x'` },
    { description: 'DELETE', sql: 'DELETE FROM audit_log' },
    { description: 'TRUNCATE', sql: 'TRUNCATE audit_log' },
  ])('may not $description the audit log', async ({ sql }) => {
    await expect(app.query(sql)).rejects.toThrow(/permission denied/);
  });
});
