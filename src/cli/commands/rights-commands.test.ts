/**
 * The rights, subject access, retention and transparency commands driven in-process: each changes
 * what it says, writes its files, and leaves its audit entry on the chain. On the PostgreSQL test
 * server when there is one (each command opens the store, which is quick there), else on PGlite.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/support/stores.ts';
import { postgresAdminUrl } from '../../../test/support/environment.ts';
import { buildHousehold } from '../../governance/sar/test-household.ts';
import { openStore } from '../../store/index.ts';
import { buildProgram } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'tributary-rights-cli-'));
const dataDir = join(dir, 'data');
const key = randomBytes(32);
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
const storeOptions = () => (databaseUrl ? { databaseUrl } : { dataDir });

async function run(...args: string[]): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { lines.push(parts.join(' ')); });
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'tributary', ...args, '--data-dir', dataDir]);
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

async function query<T>(sql: string): Promise<T[]> {
  const store = await openStore({ ...storeOptions(), migrate: false });
  try {
    return await store.sql.query<T>(sql);
  } finally {
    await store.close();
  }
}

const actions = async () => (await query<{ action: string }>('SELECT action FROM audit_log WHERE seq > 2 ORDER BY seq')).map((r) => r.action);

describe('tributary rights, sar, retention and transparency', () => {
  beforeAll(async () => {
    vi.stubEnv('TRIBUTARY_HEALTH_KEY', key.toString('base64'));
    if (postgresAdminUrl) ({ url: databaseUrl, drop: dropDatabase } = await createTestDatabase());
    vi.stubEnv('DATABASE_URL', databaseUrl ?? '');
    const store = await openStore(storeOptions());
    await buildHousehold(store, key);
    await store.close();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await dropDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a dispute, its resolution, an objection and its withdrawal', async () => {
    expect(await run('rights', 'resolve', '--dispute', '1', '--outcome', 'rejected', '--by', 'school-lead', '--note', 'checked'))
      .toMatch(/dispute 1 rejected: record 1 counts again/);
    expect(await run('rights', 'dispute', '--record', '4', '--reason', 'not my treatment', '--by', 'dpo-1')).toMatch(/dispute 2 opened/);
    expect(await run('rights', 'withdraw', '--person', 'P-PARENT', '--by', 'dpo-1')).toMatch(/objection 1 withdrawn/);
    expect(await run('rights', 'object', '--person', 'P-CHILD', '--reason', 'by letter', '--by', 'dpo-1')).toMatch(/objection 2 recorded/);
    expect(await query('SELECT id::int AS id, disputed FROM source_records WHERE id IN (1, 4) ORDER BY id'))
      .toEqual([{ id: 1, disputed: false }, { id: 4, disputed: true }]);
    expect(await actions()).toEqual([
      'rights.dispute_resolved', 'rights.dispute_raised', 'rights.objection_withdrawn', 'rights.objection_recorded',
    ]);
  });

  it('exports a subject access request with health data opened, and audits it', async () => {
    const out = join(dir, 'sar');
    expect(await run('sar', '--person', 'P-CHILD', '--out', out, '--by', 'dpo-1')).toMatch(/subject access for P-CHILD: \d+ entries/);
    const sar = JSON.parse(readFileSync(join(out, 'sar.json'), 'utf8'));
    expect(sar.healthData).toBe('opened');
    expect(JSON.stringify(sar)).toContain('tier 3');
    expect(existsSync(join(out, 'sar.html'))).toBe(true);
    expect((await actions()).at(-1)).toBe('sar.exported');
  });

  it('writes the transparency record and audits its publication', async () => {
    const out = join(dir, 'transparency');
    expect(await run('transparency', '--out', out)).toMatch(/approved model: gam-2024-03/);
    expect(readFileSync(join(out, 'atrs.md'), 'utf8')).toMatch(/^# Tributary early help prioritisation/);
    expect((await actions()).at(-1)).toBe('transparency.published');
  });

  it('prints what retention would delete, then deletes it with tombstones', async () => {
    const before = await actions();
    expect(await run('retention', 'apply', '--dry-run', '--as-of', '2025-03-01'))
      .toMatch(/police-custody \(agreement dsa-police, 365 days, cut-off 2024-03-01\): would delete 1 records/);
    expect(await actions()).toEqual(before);
    expect(await run('retention', 'apply', '--as-of', '2025-03-01', '--by', 'dpo-1')).toMatch(/police-custody .*: deleted 1 records/);
    expect(await query('SELECT local_id FROM source_records ORDER BY id')).toEqual([{ local_id: 'UPN-A100' }, { local_id: 'UPN-A100-C1' }]);
    expect((await actions()).slice(before.length)).toEqual(['retention.applied', 'retention.applied', 'retention.applied']);
  });
});
