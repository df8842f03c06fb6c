/**
 * PPRL throughput: encoding (records/s, CSV in → NDJSON out, as `pprl encode` does it) and CLK
 * comparison (pairs/s, all pairs of a block of rows against the rest, WebAssembly kernel on worker
 * threads), with peak memory. `node bin/run-ts.mjs bench/pprl-bench.ts [records] [rows]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LinkMapSchema } from '../src/link/index.ts';
import { createDiceKernel, encodeCsvFile, packFilters, readEncodedFile } from '../src/pprl/index.ts';
import { compareAllPairs } from '../src/pprl/dice-workers.ts';
import { FEBRL_MAP, generateFebrl, toCsv } from '../test/pprl/febrl-generator.ts';

export interface PprlBenchResult {
  records: number;
  encodeRecordsPerSecond: number;
  /** Records per second of this process's CPU time: the rate on an idle core, whatever else runs. */
  encodeRecordsPerCpuSecond: number;
  clkBits: number;
  comparedPairs: number;
  threads: number;
  pairsPerSecond: number;
  pairsPerSecondOneThread: number;
  pairsPerCpuSecondOneThread: number;
  /** The same comparison on 1024-bit CLKs (the length of a schema without balancing). */
  pairsPerSecond1024: number;
  /** Full Dice scores of candidate pairs (`scorePairs`, as linking does after blocking), one thread: no early stop. */
  scoredPairsPerSecond: number;
  scoredPairsPerCpuSecond: number;
  peakRssMiB: number;
}

const peakMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Runs the benchmark on `records` generated FEBRL-style records; compares `rows` of them with all the others. */
export async function runPprlBench(records = 100_000, rows = 2_000): Promise<PprlBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pprl-bench-'));
  try {
    const data = generateFebrl({ mode: 'link', originals: records, seed: 5 });
    writeFileSync(join(dir, 'in.csv'), toCsv(data.b));
    const map = LinkMapSchema.parse(FEBRL_MAP);
    const secret = new TextEncoder().encode('a partnership secret for the benchmark');
    const cpu = process.cpuUsage();
    const encoded = await encodeCsvFile({ input: join(dir, 'in.csv'), map, secret, out: join(dir, 'in.clk.ndjson'), seed: '1' });
    const encodeRecordsPerSecond = encoded.records / encoded.seconds;
    const encodeCpu = process.cpuUsage(cpu);
    const encodeRecordsPerCpuSecond = encoded.records / ((encodeCpu.user + encodeCpu.system) / 1e6);

    const source = await readEncodedFile(join(dir, 'in.clk.ndjson'));
    const packed = packFilters(source.records.map((r) => r.clk));
    const threads = availableParallelism();
    const all = await compareAllPairs(packed, [0, rows], [rows, packed.count], 0.9, threads);
    const half = packFilters(source.records.map((r) => r.clk.subarray(0, 128)));
    const short = await compareAllPairs(half, [0, rows], [rows, half.count], 0.9, threads);
    const kernel = createDiceKernel(packed);
    const oneRows = Math.max(1, Math.floor(rows / 4));
    const started = performance.now();
    const kernelCpu = process.cpuUsage();
    for (let i = 0; i < oneRows; i++) kernel.above(i, rows, packed.count, 0.9);
    const oneSeconds = (performance.now() - started) / 1000;
    const oneCpu = process.cpuUsage(kernelCpu);
    const candidates = new Int32Array(2_000_000);
    // Blocked candidates come grouped by their first record (40 each here), the second anywhere in the file.
    for (let k = 0; k < candidates.length; k += 2) { candidates[k] = Math.floor(k / 80) % packed.count; candidates[k + 1] = (k * 104729 + 1) % packed.count; }
    const scoreStarted = performance.now();
    const scoreCpu = process.cpuUsage();
    for (let round = 0; round < 4; round++) kernel.scorePairs(candidates);
    const scoreSeconds = (performance.now() - scoreStarted) / 1000;
    const scoreCpuUsed = process.cpuUsage(scoreCpu);
    const scored = 4 * (candidates.length / 2);
    return {
      records: encoded.records, encodeRecordsPerSecond, encodeRecordsPerCpuSecond, clkBits: packed.stride * 8,
      comparedPairs: all.compared, threads, pairsPerSecond: all.compared / all.seconds,
      pairsPerSecondOneThread: (oneRows * (packed.count - rows)) / oneSeconds,
      pairsPerCpuSecondOneThread: (oneRows * (packed.count - rows)) / ((oneCpu.user + oneCpu.system) / 1e6),
      pairsPerSecond1024: short.compared / short.seconds, peakRssMiB: peakMiB(),
      scoredPairsPerSecond: scored / scoreSeconds, scoredPairsPerCpuSecond: scored / ((scoreCpuUsed.user + scoreCpuUsed.system) / 1e6),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [records, rows] = process.argv.slice(2).map(Number);
  const r = await runPprlBench(records || undefined, rows || undefined);
  const m = (x: number): string => (x / 1e6).toFixed(1);
  console.log(`encode: ${r.records} records at ${Math.round(r.encodeRecordsPerSecond)} records/s wall-clock (${Math.round(r.encodeRecordsPerCpuSecond)} per CPU-second)`);
  console.log(`compare: ${r.comparedPairs} pairs of ${r.clkBits}-bit CLKs at ${m(r.pairsPerSecond)} M pairs/s on ${r.threads} threads; `
    + `one thread ${m(r.pairsPerSecondOneThread)} M pairs/s wall-clock (${m(r.pairsPerCpuSecondOneThread)} M per CPU-second); `
    + `1024-bit CLKs ${m(r.pairsPerSecond1024)} M pairs/s on ${r.threads} threads`);
  console.log(`threshold scan (above ${0.9}): exact result set; pairs that cannot reach the threshold stop after a quarter or half of the words`);
  console.log(`full Dice scores (scorePairs, as linking scores blocked candidates): ${m(r.scoredPairsPerSecond)} M pairs/s on one thread wall-clock (${m(r.scoredPairsPerCpuSecond)} M per CPU-second)`);
  console.log(`peak memory: ${r.peakRssMiB} MiB`);
}
