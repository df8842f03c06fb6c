import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.ts';
import { trainingDates } from './model-step.ts';
import { runPipeline } from './run-pipeline.ts';

describe('trainingDates', () => {
  it.each([
    { description: 'ends a full horizon before the extract, every six months over four years', extract: '2026-03-31', horizon: 24,
      expected: ['2020-03-31', '2020-10-01', '2021-03-31', '2021-10-01', '2022-03-31', '2022-10-01', '2023-03-31', '2023-10-01', '2024-03-31'] },
  ])('$description', ({ extract, horizon, expected }) => {
    const dates = trainingDates(extract, horizon);
    expect(dates.at(-1)).toBe(expected.at(-1));
    expect(dates).toHaveLength(expected.length);
    expect(dates.every((d) => d <= '2024-03-31')).toBe(true);
  });
});

describe('the demo pipeline on a small town', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tributary-demo-'));
    store = await openStore({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates, ingests, links, derives factors, fits a demo-approved version and scores with contributions', async () => {
    const lines: string[] = [];
    await runPipeline(store, dir, { people: 600, seed: 3, port: 0, host: '127.0.0.1', serve: false, extractDate: '2026-03-31' }, (l) => lines.push(l));
    const [persons] = await store.sql.query<{ n: string }>('SELECT count(*) AS n FROM persons');
    expect(Number(persons?.n)).toBeGreaterThan(300);
    const versions = await store.sql.query<{ status: string; demo: string | null }>('SELECT status, demo FROM model_versions');
    expect(versions).toHaveLength(1);
    expect(versions[0]?.status).toBe('approved');
    expect(versions[0]?.demo).toMatch(/not by a governance lead/);
    const scores = await store.sql.query<{ probability: number; intercept: number; contributions: Record<string, number> }>(
      'SELECT probability, intercept, contributions FROM scores LIMIT 20');
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) {
      const logit = s.intercept + Object.values(s.contributions).reduce((a, b) => a + b, 0);
      expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(s.probability, 6);
    }
    expect(lines.join('\n')).toMatch(/held-out AUC/);
  }, 600_000);
});
