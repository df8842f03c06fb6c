/**
 * `npm run bench`: every benchmark, each in its own process so that its peak memory is its own.
 * Pass names to run only some: `npm run bench -- link pprl`. Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches: Array<{ name: string; file: string; args: string[] }> = [
  { name: 'synth', file: 'bench/synth-bench.ts', args: ['100000', '1'] },
  { name: 'ingest', file: 'bench/ingest-bench.ts', args: [] },
  { name: 'link', file: 'bench/link-bench.ts', args: ['--records', '1000000'] },
  { name: 'model', file: 'bench/model-bench.ts', args: [] },
  { name: 'demo-model', file: 'bench/demo-model-bench.ts', args: ['20000'] },
  { name: 'pprl', file: 'bench/pprl-bench.ts', args: ['100000', '2000'] },
  { name: 'web', file: 'bench/web-bench.ts', args: ['--persons', '100000', '--connections', '50', '--seconds', '15'] },
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  console.log(`\n=== ${bench.name} (${bench.file}) ===`);
  if (!existsSync(bench.file)) {
    console.log(`not present: ${bench.file}`);
    continue;
  }
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/run-ts.mjs', bench.file, ...bench.args], { stdio: 'inherit', env: process.env });
  console.log(`--- ${bench.name}: exit ${result.status}, ${((performance.now() - started) / 1000).toFixed(1)} s wall`);
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
