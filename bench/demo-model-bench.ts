/**
 * The demo's model step on a linked synthetic town: feature tables for nine past as-of dates and the
 * extract date, the fit with its evaluation and fairness audit, registering, demo approval and
 * scoring everyone — the part of `npm start` after linkage. Budget: 30 s wall at 20,000 people.
 * Prints wall and CPU seconds for each part (CPU matters on a shared machine: PGlite runs in-process).
 *
 *   node bin/run-ts.mjs bench/demo-model-bench.ts [people] [store-dir]
 *
 * With a store directory that already holds a linked town (`TRIBUTARY_DATA_DIR` of a `tributary demo
 * --no-serve` run), only the model step runs; otherwise the town is generated, ingested and linked first.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestTown } from '../src/cli/demo/ingest-step.ts';
import { fitAndScore } from '../src/cli/demo/model-step.ts';
import { linkStore } from '../src/link/index.ts';
import { openStore } from '../src/store/index.ts';
import { generateTown } from '../src/synth/index.ts';

const BUDGET_SECONDS = 30;
const people = Number(process.argv[2] ?? 20_000);
const given = process.argv[3];
const extractDate = '2026-03-31';
const dir = given ?? mkdtempSync(join(tmpdir(), 'demo-model-bench-'));
const store = await openStore({ dataDir: dir });
try {
  if (!given) {
    const townDir = join(dir, 'bench-town');
    generateTown({ people, seed: 1, out: townDir, extractDate });
    await ingestTown(store, townDir, extractDate);
    await linkStore(store, { seed: 1 });
    console.log(`prepared a linked town of ${people.toLocaleString('en-GB')} people in ${dir}`);
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fitAndScore(store, join(dir, 'bench-work'), extractDate, (line) => console.log(line));
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  for (const line of result.summary) console.log(`  ${line}`);
  console.log(`model step: ${wall.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (budget ${BUDGET_SECONDS} s wall); `
    + `feature tables ${result.seconds.features.toFixed(1)} s, fit ${result.seconds.fit.toFixed(1)} s, store ${result.seconds.store.toFixed(1)} s; `
    + `scored ${result.scored.toLocaleString('en-GB')}; ${wall <= BUDGET_SECONDS ? 'within' : 'OVER'} budget`);
} finally {
  await store.close();
}
