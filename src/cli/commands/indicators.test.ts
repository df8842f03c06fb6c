import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtures } from '../../indicators/test-fixtures.ts';
import { openStore } from '../../store/index.ts';
import { registerIndicators } from './indicators.ts';

/** The program with only this command, so that other commands' state cannot break this test. */
const program = () => {
  const p = new Command('tributary').exitOverride();
  registerIndicators(p);
  return p;
};

describe('tributary indicators', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-indicators-'));
  const env = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    const store = await openStore({ dataDir: dir });
    const fx = fixtures(store);
    const child = await fx.person('child', { dob: '2010-01-01', sex: 'F' });
    await fx.event(child.recordId, 'school.suspension', '2023-05-01');
    await fx.event(await fx.record('child', { dataset: 'police' }), 'police.caution', '2024-02-01');
    await store.close();
  });
  afterAll(() => {
    if (env !== undefined) process.env.DATABASE_URL = env;
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await program().parseAsync(['node', 'tributary', 'indicators', '--data-dir', dir, ...args]);
      return log.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      log.mockRestore();
    }
  };

  it('stores the factors as of a date and prints factor, persons, evidence events and seconds', async () => {
    const out = await run('--as-of', '2023-12-31');
    expect(out).toMatch(/^risk factors as of 2023-12-31: 1 young people in scope/);
    expect(out).toMatch(/factor\s+persons\s+evidence events\s+seconds/);
    expect(out).toMatch(/school_exclusion\s+1\s+1\s+\d+\.\d\d/);
    expect(out).toMatch(/offending_parent\s+0\s+0\s/);
  });

  it('writes the feature table for several as-of dates with --features-out', async () => {
    const file = join(dir, 'features.csv');
    const out = await run('--as-of', '2023-06-30,2023-12-31', '--features-out', file, '--horizon', '6');
    expect(out).toContain('as of 2023-12-31: 1 young people, 1 first offences by 2024-06-30');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^person_id,as_of,age,offending_parent,.*,label,protected__sex,protected__age_band/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['child,2023-06-30', 'child,2023-12-31']);
  });

  it('refuses several dates without --features-out', async () => {
    await expect(run('--as-of', '2023-06-30,2023-12-31')).rejects.toThrow(/several as-of dates need --features-out/);
  });
});
