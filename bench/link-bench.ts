/**
 * Linkage benchmark: N FEBRL-style records (default 1,000,000; `--records N`) deduplicated end
 * to end (standardise, block, train, predict, cluster) in an in-process DuckDB with one thread
 * per core. Prints records/s, candidate pairs/s, seconds per stage, CPU seconds, peak memory and
 * the machine's load average (the machine is shared: wall times under load are pessimistic), and
 * the pairwise precision, recall and F1 of the clusters against the generator's truth (measured
 * after the timed run). Target (issue #3): 1,000,000 records in at most 120 s and 8 GiB.
 * `--vocabulary county` (the default) varies names and postcodes so that a million records hold
 * thousands of them; `--vocabulary febrl` keeps the FEBRL test sets' ~100 given names, 150
 * surnames and 70 postcodes, on which name-only blocking rules grow quadratically with N.
 * Run: `npx tsx bench/link-bench.ts --records 100000 [--vocabulary febrl]`
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluateFiles, linkFiles } from '../src/link/index.ts';
import { febrlMap, generateFebrlLike, toCsv, type Vocabulary } from '../test/link/febrl-like.ts';

export interface LinkBenchResult {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly candidatePairs: number;
  readonly candidatePairsPerSecond: number;
  readonly stages: Record<string, number>;
  readonly peakRssMiB: number;
  /** CPU seconds of this process (user + system, all threads) during the link. */
  readonly cpuSeconds: number;
  /** One-minute load average before and after. */
  readonly load: readonly [number, number];
  readonly vocabulary: Vocabulary;
  /** Pairwise quality of the clusters against the generator's truth. */
  readonly quality: { readonly precision: number; readonly recall: number; readonly f1: number };
}

/** Generates the records, links them and measures. */
export async function runLinkBench(records = 1_000_000, seed = 1, vocabulary: Vocabulary = 'county'): Promise<LinkBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'link-bench-'));
  const data = generateFebrlLike({ records, mode: 'dedupe', seed, vocabulary });
  const file = join(dir, 'people.csv');
  writeFileSync(file, toCsv(data.files[0]!.rows));
  const map = join(dir, 'map.json');
  writeFileSync(map, JSON.stringify(febrlMap('dedupe')));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  const loadBefore = loadavg()[0]!;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = await linkFiles({ files: [file], mapPath: map, outDir: join(dir, 'out') });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  const { counts, timings } = run.result;
  const truth = join(dir, 'truth.csv');
  writeFileSync(truth, toCsv(data.truth, ['source', 'record_id', 'true_id']));
  const { pairwise } = await evaluateFiles({ clusters: join(dir, 'out', 'clusters.csv'), truth, linkType: 'dedupe' });
  return {
    quality: { precision: pairwise.precision, recall: pairwise.recall, f1: pairwise.f1 },
    records, seconds, recordsPerSecond: records / seconds, candidatePairs: counts.candidatePairs,
    candidatePairsPerSecond: counts.candidatePairs / Math.max(timings.predict ?? seconds, 1e-9),
    stages: { ...timings, 'read+standardise+write': seconds - Object.values(timings).reduce((s, t) => s + t, 0) },
    peakRssMiB: Math.round(peak / 2 ** 20),
    cpuSeconds: (used.user + used.system) / 1e6, load: [loadBefore, loadavg()[0]!], vocabulary,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--records');
  const records = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
  const v = process.argv.indexOf('--vocabulary');
  const vocabulary = (v > 0 ? process.argv[v + 1] : 'county') as Vocabulary;
  const result = await runLinkBench(records, 1, vocabulary);
  console.log(`${result.records} records (${result.vocabulary} vocabulary) in ${result.seconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU: `
    + `${Math.round(result.recordsPerSecond)} records/s; ${result.candidatePairs} candidate pairs, ${Math.round(result.candidatePairsPerSecond)} pairs/s scored; `
    + `peak RSS ${result.peakRssMiB} MiB (DuckDB runs in-process, so RSS includes its memory); `
    + `load average ${result.load[0].toFixed(1)} before, ${result.load[1].toFixed(1)} after (2 cores, shared)`);
  console.log(`target: 1,000,000 records in at most 120 s wall and 8 GiB (issue #3); pairwise precision ${result.quality.precision.toFixed(4)}, recall ${result.quality.recall.toFixed(4)}, F1 ${result.quality.f1.toFixed(4)} against the generator's truth`);
  console.log(Object.entries(result.stages).map(([k, v]) => `  ${k}: ${v.toFixed(1)} s`).join('\n'));
}
