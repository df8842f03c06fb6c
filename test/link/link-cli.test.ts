/**
 * End to end through the `tributary link` contract on FEBRL-style data: outputs, accuracy for
 * `link` and `dedupe`, model reuse, and clear errors for bad input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateFiles, LinkError, linkFiles } from '../../src/link/index.ts';
import { febrlMap, generateFebrlLike, toCsv } from './febrl-like.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tributary-link-'));
const TIMEOUT = 600_000;

function writeCase(name: string, mode: 'link' | 'dedupe', records: number, seed: number) {
  const data = generateFebrlLike({ records, mode, seed });
  const files = data.files.map((f) => { const p = join(dir, name, `${f.name}.csv`); writeFileSync(p, toCsv(f.rows)); return p; });
  const truth = join(dir, name, 'truth.csv');
  writeFileSync(truth, `source,record_id,true_id\n${data.truth.map((t) => `${t.source},${t.record_id},${t.true_id}`).join('\n')}\n`);
  const map = join(dir, name, 'map.json');
  writeFileSync(map, JSON.stringify(febrlMap(mode)));
  return { files, truth, map, out: join(dir, name, 'out') };
}

async function mkdirs(...names: string[]) {
  const { mkdir } = await import('node:fs/promises');
  for (const n of names) await mkdir(join(dir, n), { recursive: true });
}

describe('tributary link on FEBRL-style data', () => {
  beforeAll(() => mkdirs('link', 'dedupe', 'bad'));

  it('links two files with F1 ≥ 0.95 and writes the contract outputs', async () => {
    const c = writeCase('link', 'link', 3000, 11);
    const { stdout } = await run('node', ['bin/tributary.mjs', 'link', ...c.files, '--map', c.map, '--out', c.out], { maxBuffer: 1 << 24 });
    expect(stdout).toMatch(/prior λ = /);
    expect(stdout).toMatch(/id_soc_sec_id\s+exact match/);
    const clusters = readFileSync(join(c.out, 'clusters.csv'), 'utf8').trim().split('\n');
    expect(clusters[0]).toBe('source,record_id,cluster_id');
    expect(clusters).toHaveLength(3001);
    expect(new Set(clusters.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).size).toBe(3000);
    expect(readFileSync(join(c.out, 'pairs.csv'), 'utf8').split('\n')[0]).toBe('source_l,record_id_l,source_r,record_id_r,match_weight,match_probability');
    const model = JSON.parse(readFileSync(join(c.out, 'model.json'), 'utf8'));
    expect(model).toMatchObject({ format: 'tributary.link-model', model_version: 1, spec: { version: 1, link_type: 'link' } });
    expect(model.spec_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const report = await evaluateFiles({ clusters: join(c.out, 'clusters.csv'), truth: c.truth, linkType: 'link' });
    console.log(`link F1 ${report.pairwise.f1.toFixed(4)} (precision ${report.pairwise.precision.toFixed(4)}, recall ${report.pairwise.recall.toFixed(4)})`);
    expect(report.pairwise.f1).toBeGreaterThanOrEqual(0.95);
    // reusing the saved model gives the same clusters without training
    const again = await linkFiles({ files: c.files, mapPath: c.map, outDir: `${c.out}-again`, modelPath: join(c.out, 'model.json') });
    expect(again.result.model.prior).toEqual(model.prior);
    expect(readFileSync(join(`${c.out}-again`, 'clusters.csv'), 'utf8')).toBe(readFileSync(join(c.out, 'clusters.csv'), 'utf8'));
  }, TIMEOUT);

  it('deduplicates one file with F1 ≥ 0.95', async () => {
    const c = writeCase('dedupe', 'dedupe', 3000, 12);
    const result = await linkFiles({ files: c.files, mapPath: c.map, outDir: c.out });
    expect(result.result.counts.records).toBe(3000);
    const report = await evaluateFiles({ clusters: join(c.out, 'clusters.csv'), truth: c.truth, linkType: 'dedupe' });
    console.log(`dedupe F1 ${report.pairwise.f1.toFixed(4)} (precision ${report.pairwise.precision.toFixed(4)}, recall ${report.pairwise.recall.toFixed(4)})`);
    expect(report.pairwise.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.clusters.mixed).toBeLessThan(report.clusters.trueEntities * 0.01);
  }, TIMEOUT);
});

describe('bad input', () => {
  const header = 'rec_id,given_name,surname,date_of_birth\n';
  const csv = (name: string, body: string) => { const p = join(dir, 'bad', name); writeFileSync(p, body); return p; };
  const map = (m: unknown) => { const p = join(dir, 'bad', `map-${Math.random().toString(36).slice(2)}.json`); writeFileSync(p, JSON.stringify(m)); return p; };
  const okMap = { id: 'rec_id', link_type: 'dedupe', columns: { given_name: 'given_name', family_name: 'surname', dob: { column: 'date_of_birth', format: 'YYYYMMDD' } } };
  const fails = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a LinkError'); }, (e: unknown) => {
    expect(e).toBeInstanceOf(LinkError);
    return e as LinkError;
  });

  beforeAll(() => mkdirs('bad'));

  it.each([
    { description: 'a missing column names file and column', file: header.replace('surname', 'family'), m: okMap, code: 'LINK_INPUT_MISSING_COLUMN', message: /people\.csv has no column "surname" \(mapped to family_name\)/ },
    { description: 'an unknown role', file: header, m: { ...okMap, columns: { ...okMap.columns, shoe_size: 'surname' } }, code: 'LINK_MAP_INVALID', message: /unknown role "shoe_size"/ },
    { description: 'an unknown date format', file: header, m: { ...okMap, columns: { ...okMap.columns, dob: { column: 'date_of_birth', format: 'YYYYDDMM' } } }, code: 'LINK_MAP_INVALID', message: /unknown date format "YYYYDDMM"/ },
    { description: 'an empty file', file: '', m: okMap, code: 'LINK_INPUT_EMPTY', message: /people\.csv is empty/ },
    { description: 'a header without rows', file: header, m: okMap, code: 'LINK_INPUT_EMPTY', message: /has a header but no rows/ },
    { description: 'a duplicate id names the rows', file: `${header}r1,ann,lee,20010101\nr2,bob,lee,20010101\nr1,cat,lee,20010101\n`, m: okMap, code: 'LINK_INPUT_DUPLICATE_ID', message: /column "rec_id": record id "r1" appears more than once \(rows 1, 3\)/ },
  ])('$description', async ({ file, m, code, message }) => {
    const error = await fails(linkFiles({ files: [csv('people.csv', file)], mapPath: map(m), outDir: join(dir, 'bad', 'out') }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  }, TIMEOUT);

  it('exits non-zero with the message on the command line', async () => {
    const error = await run('node', ['bin/tributary.mjs', 'link', csv('people.csv', header.replace('surname', 'family')), '--map', map(okMap), '--out', join(dir, 'bad', 'out')])
      .then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(2);
    expect(error?.stderr).toMatch(/has no column "surname"/);
  }, TIMEOUT);
});
