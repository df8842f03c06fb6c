/** `tributary audit verify` on both engines: exit 0 on an intact chain, 2 naming the first broken entry. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_BROKEN_EXIT_CODE, registerAudit } from '../../src/cli/commands/audit.ts';
import { appendAudit } from '../../src/governance/index.ts';
import { openStore } from '../../src/store/index.ts';
import { postgresAdminUrl } from '../support/environment.ts';
import { createTestDatabase } from '../support/stores.ts';

/** Runs `tributary audit verify` in-process with `env`; returns the exit code and what it printed. */
async function auditVerify(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => { out.push(args.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => { err.push(args.join(' ')); });
  Object.assign(process.env, env);
  process.exitCode = 0;
  try {
    const program = new Command('tributary').exitOverride();
    registerAudit(program);
    await program.parseAsync(['node', 'tributary', 'audit', 'verify']);
    return { code: Number(process.exitCode ?? 0), out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.exitCode = 0;
    process.env = saved;
    log.mockRestore();
    error.mockRestore();
  }
}

const engines = [
  {
    name: 'pglite',
    async prepare() {
      const dir = mkdtempSync(join(tmpdir(), 'tributary-audit-'));
      return { env: { TRIBUTARY_DATA_DIR: dir }, open: () => openStore({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(postgresAdminUrl ? [{
    name: 'postgres',
    async prepare() {
      const db = await createTestDatabase();
      return { env: { DATABASE_URL: db.url }, open: () => openStore({ databaseUrl: db.url }), drop: db.drop };
    },
  }] : []),
];

describe.each(engines)('tributary audit verify on $name', (engine) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => { for (const cleanup of cleanups.splice(0)) await cleanup(); });

  it('exits 0 on an intact chain, and 2 naming the first broken entry after tampering', async () => {
    const { env, open, drop } = await engine.prepare();
    cleanups.push(drop);
    let store = await open();
    for (const n of [1, 2, 3]) await appendAudit(store, { actor: `user-${n}`, role: 'analyst', action: 'export.quarantine_csv', subjectRef: `batch:${n}`, details: { rows: n } });
    await store.close();

    const intact = await auditVerify(env);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^audit log intact: 3 entries verified; last hash [0-9a-f]{64}$/);

    store = await open();
    await store.sql.exec('DROP TRIGGER audit_log_no_update_or_delete ON audit_log');
    await store.sql.query(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`);
    await store.close();

    const broken = await auditVerify(env);
    expect(broken.code).toBe(AUDIT_BROKEN_EXIT_CODE);
    expect(broken.err).toContain('audit log broken at entry 2');
    expect(broken.err).toContain('contents no longer match its hash');
  });
});
