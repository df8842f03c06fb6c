/** `tributary ingest` end to end: the summary per file, exit codes, the second send, refusals before any read. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixture, fixtureConfig } from './support/fixtures.ts';
import { LOAD_DATE } from './support/load.ts';
import { tempDir, type TempDir } from './support/temp-files.ts';

let dir: TempDir;
const saved = { data: process.env.TRIBUTARY_DATA_DIR, url: process.env.DATABASE_URL };

/** Runs the CLI in-process; returns what it printed and its exit code. */
async function tributary(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { out.push(parts.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => { err.push(parts.join(' ')); });
  process.exitCode = 0;
  try {
    await main(['node', 'tributary', ...args]);
    return { out: out.join('\n'), err: err.join('\n'), code: Number(process.exitCode ?? 0) };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}

beforeAll(() => {
  dir = tempDir();
  process.env.TRIBUTARY_DATA_DIR = join(dir.path, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env.TRIBUTARY_DATA_DIR = saved.data;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  dir.remove();
});

describe('tributary ingest', () => {
  const common = ['ingest', '--config', fixtureConfig, '--load-date', LOAD_DATE];

  it('loads each file as a batch and prints a summary line per file', async () => {
    const { out, code } = await tributary(...common, '--dataset', 'pupils', fixture('pupils-town.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/dataset\s+file\s+rows read\s+loaded\s+quarantined\s+events\s+refused columns\s+seconds/);
    expect(out).toMatch(/pupils\s+pupils-town\.csv\s+4\s+2\s+2\s+3\s+1\s+\d+\.\d/);
    expect(out).toContain('quarantined INGEST_BAD_DOB ×1, INGEST_NO_IDENTITY ×1');
    expect(out).toContain('refused (outside the agreement, not stored): Ethnicity');
  });

  it('reports a second send as already loaded and exits 0', async () => {
    const { out, code } = await tributary(...common, '--dataset', 'pupils', fixture('pupils-town.csv'));
    expect(code).toBe(0);
    expect(out).toContain('already loaded in batch 1');
  });

  it('exits non-zero when a file is bad, naming the file and the line, and still loads the good ones', async () => {
    const { out, code } = await tributary(...common, '--dataset', 'referrals', fixture('truncated.json'), fixture('referrals.json'));
    expect(code).toBe(1);
    expect(out).toMatch(/truncated\.json\s+FAILED \[INGEST_TRUNCATED\]/);
    expect(out).toContain('truncated.json (line 2): the JSON ends before its last record is complete');
    expect(out).toMatch(/referrals\.json\s+4\s+3\s+1\s+2/);
  });

  it('refuses a dataset whose mapping reads columns outside its agreement, before reading any file', async () => {
    const config = join(dir.path, 'config');
    cpSync(fixtureConfig, config, { recursive: true });
    const mapping = join(config, 'mappings', 'pupils.yaml');
    writeFileSync(mapping, readFileSync(mapping, 'utf8').replace('    postcode: Postcode', '    postcode: Postcode\n    nhs_number: NHSNumber'));
    const { err, code } = await tributary('ingest', '--config', config, '--load-date', LOAD_DATE, '--dataset', 'pupils', join(dir.path, 'never-read.csv'));
    expect(code).toBe(1);
    expect(err).toContain('NHSNumber: the mapping reads NHSNumber, which agreement schools-pupils does not allow');
    expect(err).toContain('pupils refused [INGEST_FIELDS_NOT_AGREED]: no file was read');
  });

  it('refuses a dataset without a mapping, and one outside its agreement dates', async () => {
    const missing = await tributary(...common, '--dataset', 'nothing', fixture('pupils.csv'));
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('[INGEST_MAPPING_NOT_FOUND]');
    const expired = await tributary('ingest', '--config', fixtureConfig, '--load-date', '2031-01-01', '--dataset', 'claimants', fixture('claimants.parquet'));
    expect(expired.code).toBe(1);
    expect(expired.err).toContain('no active data-sharing agreement lets dwp send claimants on 2031-01-01');
  });

  it('sets the exit status of the process', () => {
    const run = spawnSync(process.execPath, ['bin/tributary.mjs', ...common, '--dataset', 'children', fixture('malformed.xml')], {
      env: { ...process.env }, encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('malformed.xml (line 2, column');
  });
});
