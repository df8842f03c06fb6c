/** Encoding is deterministic for one secret, except the row order, which is shuffled (reproducibly with --seed). */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { febrlWorkspace, runPprl } from './pprl-harness.ts';

describe('the encoded file', () => {
  const ws = febrlWorkspace({ mode: 'dedupe', originals: 400, seed: 41 });
  afterAll(() => ws.cleanup());
  const encode = async (out: string, seed?: string): Promise<string> => {
    await runPprl(['encode', ws.path('a.csv'), '--map', ws.path('map.json'), '--secret-file', ws.path('key'), '--out', ws.path(out), ...(seed ? ['--seed', seed] : [])]);
    return readFileSync(ws.path(out), 'utf8');
  };
  const sorted = (text: string): string[] => text.trim().split('\n').sort();

  it('is identical for the same secret and seed, and holds the same lines in another order otherwise', async () => {
    const first = await encode('one.clk.ndjson', '1');
    expect(await encode('again.clk.ndjson', '1')).toBe(first);
    const reseeded = await encode('two.clk.ndjson', '2');
    const unseeded = await encode('three.clk.ndjson');
    expect(reseeded).not.toBe(first);
    expect(sorted(reseeded)).toEqual(sorted(first));
    expect(sorted(unseeded)).toEqual(sorted(first));
  });

  it('is the same whether encoded in worker threads or in the main thread', async () => {
    const { LinkMapSchema } = await import('../../src/link/index.ts');
    const { encodeCsvFile } = await import('../../src/pprl/index.ts');
    const { FEBRL_MAP } = await import('./febrl-generator.ts');
    const common = { input: ws.path('a.csv'), map: LinkMapSchema.parse(FEBRL_MAP), secret: readFileSync(ws.path('key')).subarray(0, -1), seed: '1' };
    await encodeCsvFile({ ...common, out: ws.path('threads.clk.ndjson'), threads: 2 });
    expect(readFileSync(ws.path('threads.clk.ndjson'), 'utf8')).toBe(readFileSync(ws.path('one.clk.ndjson'), 'utf8'));
  });

  it('does not follow the input order', async () => {
    const ids = readFileSync(ws.path('one.clk.ndjson'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    const input = readFileSync(ws.path('a.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    const samePlace = ids.filter((id, i) => id === input[i]).length;
    expect(samePlace).toBeLessThan(ids.length / 20);
  });
});
