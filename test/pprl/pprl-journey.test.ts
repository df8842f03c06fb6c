/**
 * The PPRL journey through the CLI: each agency encodes its file, the hub links the encodings,
 * and the clusters are measured against the truth kept in the FEBRL record ids.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLinkageSchema } from '../../src/pprl/index.ts';
import { pairQuality } from './pair-f1.ts';
import { febrlWorkspace, readCsv, runPprl } from './pprl-harness.ts';

const clusterRows = (file: string) => readCsv(file).map((r) => ({ source: r.source!, recordId: r.record_id!, clusterId: r.cluster_id! }));

describe('pprl encode and link across two agencies', () => {
  const ws = febrlWorkspace({ mode: 'link', originals: 1000, seed: 21, extraB: 100 });
  afterAll(() => ws.cleanup());

  it('encodes each file with a schema beside it, and links them with F1 ≥ 0.98', async () => {
    for (const f of ['a', 'b']) {
      const said = await runPprl(['encode', ws.path(`${f}.csv`), '--map', ws.path('map.json'), '--secret-file', ws.path('key'), '--out', ws.path(`${f}.clk.ndjson`)]);
      expect(said).toMatch(/encoded \d+ records/);
      expect(said).toMatch(/has no column gender, email; encoded as missing/);
    }
    const schema = parseLinkageSchema(JSON.parse(readFileSync(ws.path('a.clk.schema.json'), 'utf8')), 'a.clk.schema.json');
    expect(schema.version).toBe(3);
    await runPprl(['link', ws.path('a.clk.ndjson'), ws.path('b.clk.ndjson'), '--link-type', 'link', '--out', ws.path('out')]);

    const clusters = clusterRows(ws.path('out/clusters.csv'));
    expect(readFileSync(ws.path('out/clusters.csv'), 'utf8').split('\n')[0]).toBe('source,record_id,cluster_id');
    expect(clusters).toHaveLength(2100);
    expect(new Set(clusters.map((c) => `${c.source}/${c.recordId}`)).size).toBe(2100);
    expect(new Set(clusters.map((c) => c.source))).toEqual(new Set(['a', 'b']));
    const quality = pairQuality(clusters, true);
    expect(quality.f1).toBeGreaterThanOrEqual(0.98);

    const pairs = readCsv(ws.path('out/pairs.csv'));
    expect(readFileSync(ws.path('out/pairs.csv'), 'utf8').split('\n')[0]).toBe('source_l,record_id_l,source_r,record_id_r,match_weight,match_probability');
    for (const p of pairs) {
      expect(Number(p.match_probability)).toBeGreaterThanOrEqual(0.5);
      expect(Number(p.match_probability)).toBeCloseTo(1 / (1 + 2 ** -Number(p.match_weight)), 4);
    }
  });

  it('refuses encodings made under different schemas, saying how to fix it', async () => {
    const schema = JSON.parse(readFileSync(ws.path('a.clk.schema.json'), 'utf8'));
    schema.clkConfig.l = 512;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(ws.path('small.json'), JSON.stringify(schema));
    await runPprl(['encode', ws.path('b.csv'), '--map', ws.path('map.json'), '--secret-file', ws.path('key'), '--out', ws.path('c.clk.ndjson'), '--schema', ws.path('small.json')]);
    await expect(runPprl(['link', ws.path('a.clk.ndjson'), ws.path('c.clk.ndjson'), '--out', ws.path('bad')]))
      .rejects.toThrow(/encoded with different schemas[\s\S]*--schema/);
  });

  it('refuses a short secret, saying how to make one', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(ws.path('short'), 'hunter2\n');
    await expect(runPprl(['encode', ws.path('a.csv'), '--map', ws.path('map.json'), '--secret-file', ws.path('short'), '--out', ws.path('x.clk.ndjson')]))
      .rejects.toThrow(/at least 16 are needed[\s\S]*openssl rand/);
  });
});

describe('pprl dedupe within one agency\'s file', () => {
  const ws = febrlWorkspace({ mode: 'dedupe', originals: 1000, seed: 22 });
  afterAll(() => ws.cleanup());

  it('finds the duplicates with F1 ≥ 0.97 and puts every record in one cluster', async () => {
    await runPprl(['encode', ws.path('a.csv'), '--map', ws.path('map.json'), '--secret-file', ws.path('key'), '--out', ws.path('a.clk.ndjson')]);
    await runPprl(['link', ws.path('a.clk.ndjson'), '--link-type', 'dedupe', '--out', ws.path('out')]);
    const clusters = clusterRows(ws.path('out/clusters.csv'));
    const records = readFileSync(ws.path('a.csv'), 'utf8').trim().split('\n').length - 1;
    expect(clusters).toHaveLength(records);
    expect(pairQuality(clusters, false).f1).toBeGreaterThanOrEqual(0.97);
  });
});
