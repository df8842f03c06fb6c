/**
 * `tributary serve --workers 2` on PostgreSQL: the primary migrates and forks two processes that share
 * the port; sessions live in the database, so a session made outside them is honoured by whichever
 * process answers. Stops on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { createSession, setSessionPurpose } from '../../src/web/session/session-store.ts';
import { seedDemoAccounts } from '../../src/web/index.ts';
import { postgresAdminUrl } from '../support/environment.ts';
import { createTestDatabase } from '../support/stores.ts';

describe.skipIf(!postgresAdminUrl)('tributary serve --workers 2', () => {
  let server: ChildProcess;
  let base: string;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
    delete env.TRIBUTARY_WEB_WORKERS;
    server = spawn(process.execPath, ['bin/tributary.mjs', 'serve', '--workers', '2', '--port', '0', '--no-retention'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for await (const line of createInterface({ input: server.stdout! })) {
      const served = /serving .* on (http:\/\/\S+) \(2 processes\)/.exec(line);
      if (served) { base = served[1]!; break; }
    }
  }, 180_000);
  afterAll(async () => {
    if (server && server.exitCode === null) { server.kill('SIGTERM'); await once(server, 'exit'); }
    await drop?.();
  }, 60_000);

  it('answers from every process with the sessions in the database', async () => {
    const store = await openStore({ databaseUrl: url, migrate: false });
    try {
      await seedDemoAccounts(store, { password: 'a-long-demo-password-1' });
      const [analyst] = await store.sql.query<{ id: string }>("SELECT id FROM users WHERE username = 'analyst'");
      const { token, session } = await createSession(store, { userId: analyst!.id });
      await setSessionPurpose(store, session.id, 'linkage_quality');
      for (let i = 0; i < 8; i += 1) {
        // A new connection each time, so that the workers take turns.
        const response = await fetch(`${base}/worklist`, { headers: { cookie: `tributary_session=${token}`, connection: 'close' } });
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('Worklist');
      }
    } finally {
      await store.close();
    }
  }, 120_000);

  it('stops every process on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code === 0 || code === null).toBe(true);
  }, 60_000);
});
