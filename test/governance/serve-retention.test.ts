/**
 * `serve` applies retention at start and on its schedule: on a household loaded in January 2024,
 * every agreement's period has passed by the time this runs, so the first run deletes everyone and
 * leaves its tombstones in the hash-chained audit log.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeRetention } from '../../src/governance/retention/index.ts';
import { buildHousehold } from '../../src/governance/sar/test-household.ts';
import type { Store } from '../../src/store/index.ts';
import { storeTargets } from '../support/stores.ts';

describe.each(storeTargets)('retention while serving on $name', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
    await buildHousehold(store, randomBytes(32));
  });
  afterAll(async () => store?.close());

  it('runs at start, logs what it deleted, audits through the chain, and refuses a bad interval', async () => {
    const lines: string[] = [];
    const retention = startServeRetention(store, { everyHours: 24, log: { info: (m) => lines.push(m), error: (m) => lines.push(`ERROR ${m}`) } });
    const report = await retention.first;
    retention.stop();
    expect(report?.totals).toMatchObject({ sourceRecords: 4, persons: 2, decisions: 2, supportPlans: 2, reidentificationRequests: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Retention as of \d{4}-\d{2}-\d{2}\n[\s\S]*casework: 2 allocations, 2 decisions/);
    const audit = await store.sql.query<{ actor: string; action: string }>(`SELECT actor, action FROM audit_log WHERE action <> 'person.view' ORDER BY seq`);
    expect(audit.length).toBeGreaterThan(1);
    expect(audit.every((row) => row.actor === 'system:retention' && row.action === 'retention.applied')).toBe(true);
    const again = await retention.runNow();
    expect(Object.values(again?.totals ?? {}).every((n) => n === 0)).toBe(true);
    expect(lines).toHaveLength(1);
    expect(() => startServeRetention(store, { everyHours: 0 })).toThrow(/positive number of hours/);
  });
});
