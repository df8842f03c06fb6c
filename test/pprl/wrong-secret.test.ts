/** Encodings made under different secrets link nothing: no shared blocking key, no Dice above the threshold. */
import { afterAll, describe, expect, it } from 'vitest';
import { createDiceKernel, linkEncodings, packFilters, readEncodedFile } from '../../src/pprl/index.ts';
import { pairQuality } from './pair-f1.ts';
import { febrlWorkspace, readCsv, runPprl } from './pprl-harness.ts';

describe('a wrong secret', () => {
  const ws = febrlWorkspace({ mode: 'link', originals: 600, seed: 31 });
  afterAll(() => ws.cleanup());
  const encode = (file: string, key: string, out: string) =>
    runPprl(['encode', ws.path(file), '--map', ws.path('map.json'), '--secret-file', ws.path(key), '--out', ws.path(out)]);

  it('links nothing: no pairs, every record alone, F1 0', async () => {
    await encode('a.csv', 'key', 'a.clk.ndjson');
    await encode('b.csv', 'other-key', 'b.clk.ndjson');
    await runPprl(['link', ws.path('a.clk.ndjson'), ws.path('b.clk.ndjson'), '--out', ws.path('out')]);
    expect(readCsv(ws.path('out/pairs.csv'))).toHaveLength(0);
    const clusters = readCsv(ws.path('out/clusters.csv')).map((r) => ({ source: r.source!, recordId: r.record_id!, clusterId: r.cluster_id! }));
    expect(new Set(clusters.map((c) => c.clusterId)).size).toBe(1200);
    expect(pairQuality(clusters, true).f1).toBe(0);
  });

  it('shares no blocking key, and no true pair scores above the threshold learned with the right secret', async () => {
    await encode('b.csv', 'key', 'b-right.clk.ndjson');
    const right = await linkEncodings([ws.path('a.clk.ndjson'), ws.path('b-right.clk.ndjson')], { linkType: 'link' });
    expect(pairQuality(right.clusters, true).f1).toBeGreaterThan(0.97);
    const [a, wrong] = await Promise.all([readEncodedFile(ws.path('a.clk.ndjson')), readEncodedFile(ws.path('b.clk.ndjson'))]);
    const keysA = new Set(a.records.flatMap((r) => r.keys));
    expect(wrong.records.some((r) => r.keys.some((k) => keysA.has(k)))).toBe(false);
    const byEntity = new Map(wrong.records.map((r) => [r.id.split('-')[1], r]));
    const records = a.records.flatMap((r) => [r, byEntity.get(r.id.split('-')[1])!]);
    const scores = createDiceKernel(packFilters(records.map((r) => r.clk))).scorePairs(Int32Array.from(records.map((_, i) => i)));
    expect(Math.max(...scores)).toBeLessThan(right.threshold);
  });
});
