/**
 * Linkage benchmark: N FEBRL-style records (default 1,000,000; `--records N`) deduplicated end
 * to end (standardise, block, train, predict, cluster) in an in-process DuckDB with one thread
 * per core. Prints records/s, candidate pairs/s, seconds per stage and peak memory.
 * Run: `npx tsx bench/link-bench.ts --records 100000`
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkFiles } from '../src/link/index.ts';
import { febrlMap, generateFebrlLike, toCsv } from '../test/link/febrl-like.ts';

export interface LinkBenchResult {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly candidatePairs: number;
  readonly candidatePairsPerSecond: number;
  readonly stages: Record<string, number>;
  readonly peakRssMiB: number;
}

/** Generates the records, links them and measures. */
export async function runLinkBench(records = 1_000_000, seed = 1): Promise<LinkBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'link-bench-'));
  const data = generateFebrlLike({ records, mode: 'dedupe', seed });
  const file = join(dir, 'people.csv');
  writeFileSync(file, toCsv(data.files[0]!.rows));
  const map = join(dir, 'map.json');
  writeFileSync(map, JSON.stringify(febrlMap('dedupe')));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  const started = performance.now();
  const run = await linkFiles({ files: [file], mapPath: map, outDir: join(dir, 'out') });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const { counts, timings } = run.result;
  return {
    records, seconds, recordsPerSecond: records / seconds, candidatePairs: counts.candidatePairs,
    candidatePairsPerSecond: counts.candidatePairs / Math.max(timings.predict ?? seconds, 1e-9),
    stages: { ...timings, 'read+standardise+write': seconds - Object.values(timings).reduce((s, t) => s + t, 0) },
    peakRssMiB: Math.round(peak / 2 ** 20),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--records');
  const records = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  const result = await runLinkBench(records);
  console.log(`${result.records} records in ${result.seconds.toFixed(1)} s: ${Math.round(result.recordsPerSecond)} records/s; `
    + `${result.candidatePairs} candidate pairs, ${Math.round(result.candidatePairsPerSecond)} pairs/s scored; peak RSS ${result.peakRssMiB} MiB (DuckDB runs in-process, so RSS includes its memory)`);
  console.log(Object.entries(result.stages).map(([k, v]) => `  ${k}: ${v.toFixed(1)} s`).join('\n'));
}
