/**
 * Node's share of ingest, without a database: a generated bench extract (the rows of
 * `bench/ingest-bench.ts`) read by its format's adapter and turned into chunks by `mappedChunks`,
 * and nothing written. Each run is a child process of its own (a fresh heap, fresh memos, a cold
 * JIT, as in a real load). Prints, per run, the process's CPU µs per row (user + system), the
 * garbage collector's share, rows/s and peak RSS, then the median — against the target of about
 * 20 µs/row for the whole of Node's work if ingest is to reach 50,000 rows/s into PostgreSQL on two cores.
 *
 * Run: `node bin/run-ts.mjs bench/ingest-node-probe.ts [--rows 300000] [--only csv|fixed-width] [--runs 3] [--chunk-rows 5000] [--digest] [--prepare]`
 * - `--digest`: also prints a SHA-256 of every chunk's records, events, relationships and
 *   quarantined rows (costs CPU; for checking that a change keeps the output identical);
 * - `--prepare`: also turns each chunk into the binary COPY streams of the staged write (`prepareChunk`, part of the write side's Node work);
 * - `PROBE_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the measured child only.
 *
 * `--town DIR` instead reads every dataset of a synthetic town (`tributary synth --out DIR`) with the
 * mappings and agreements of `config/town`, in this process, and prints per dataset the rows, the
 * CPU and a digest of its chunks and load counts (to compare two versions of the code on every format).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './median.ts';
import { parsePartnership } from '../src/governance/partnership-loader.ts';
// the modules themselves, not the stage's index: the probe needs nothing of the write side unless asked (`--prepare`)
import { adapters } from '../src/ingest/adapters/index.ts';
import { columnPolicy } from '../src/ingest/agreement/column-policy.ts';
import type { Chunk } from '../src/ingest/load/chunk.ts';
import { emptyStats } from '../src/ingest/load/load-stats.ts';
import { mappedChunks } from '../src/ingest/load/mapped-chunks.ts';
import { readMapping } from '../src/ingest/mapping/load-mapping.ts';
import type { LoadStats } from '../src/ingest/load/load-stats.ts';
import { writeConfig, writeExtract } from './ingest-bench.ts';

type Format = 'csv' | 'fixed-width';

export interface NodeProbeResult {
  readonly format: Format;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** CPU of the process (user + system) per row, from `process.cpuUsage()`. */
  readonly cpuMicrosPerRow: number;
  /** Time in garbage collection per row (the `gc` performance entries). */
  readonly gcMicrosPerRow: number;
  readonly peakRssMiB: number;
  readonly records: number;
  readonly events: number;
  readonly quarantined: number;
  readonly digest: string | null;
}

/** The target for Node's whole per-row CPU (parse, map, chunk and COPY streams) if 50,000 rows/s is to fit on two cores beside the server. */
const TARGET_MICROS = 20;

/** One measured read of `file`, in this process. */
async function probeOne(format: Format, file: string, configDir: string, rows: number, digest: boolean, prepare: boolean, chunkRows: number): Promise<NodeProbeResult> {
  const dataset = `bench-${format}`;
  const read = await readMapping(configDir, dataset);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const partnership = parsePartnership(readFileSync(join(configDir, 'partnership.yaml'), 'utf8'));
  if (!partnership.ok) throw new Error(JSON.stringify(partnership.problems));
  const agreement = partnership.config.agreements.find((a) => a.dataset === dataset)!;
  const policy = columnPolicy(agreement.allowed_fields);
  const mapping = read.mapping;
  let gcMillis = 0;
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) gcMillis += entry.duration; });
  observer.observe({ entryTypes: ['gc'] });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  const hash = digest ? createHash('sha256') : null;
  const prepareChunk = prepare ? (await import('../src/ingest/load/write-chunk.ts')).prepareChunk : null;
  const stats = emptyStats();
  let columns: readonly string[] | null = null;
  let records = 0;
  let events = 0;
  let quarantined = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const items = adapters[mapping.format]({ path: file, options: mapping.options, onColumns: (c) => { columns = c; } });
  for await (const chunk of mappedChunks(items, { mapping, policy, chunkRows, stats, declaredColumns: () => columns })) {
    records += chunk.records.size;
    events += chunk.events.length;
    quarantined += chunk.quarantined.length;
    prepareChunk?.(chunk, { datasetId: dataset, agencyId: mapping.agency, batchId: 1, specialCategoryKey: null });
    hash?.update(chunkText(chunk));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(timer);
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  if (stats.rowsRead !== rows || stats.rowsLoaded + stats.rowsQuarantined !== rows) throw new Error(`rows not conserved: ${JSON.stringify(stats)}`);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  return {
    format, rows, seconds, rowsPerSecond: rows / seconds, cpuMicrosPerRow: (cpu.user + cpu.system) / rows,
    gcMicrosPerRow: (gcMillis * 1000) / rows, peakRssMiB: peak / 2 ** 20, records, events, quarantined,
    digest: hash ? hash.digest('hex') : null,
  };
}

/** Everything a chunk holds, as text, in order (for the digest). */
function chunkText(chunk: Chunk): string {
  return JSON.stringify([[...chunk.records], [...chunk.asOf], chunk.events, chunk.relationships, chunk.quarantined, chunk.rows]);
}

/** Every dataset of the town in `dir` through adapter and mapping: rows, CPU and a digest of the chunks and counts. */
async function probeTown(dir: string, configDir = 'config/town'): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dir, 'truth', 'manifest.json'), 'utf8')) as { datasets: { id: string; file: string }[] };
  const partnership = parsePartnership(readFileSync(join(configDir, 'partnership.yaml'), 'utf8'));
  if (!partnership.ok) throw new Error(JSON.stringify(partnership.problems));
  for (const dataset of manifest.datasets) {
    const read = await readMapping(configDir, dataset.id);
    if (!read.ok) throw new Error(`${dataset.id}: ${JSON.stringify(read.problems)}`);
    const { mapping } = read;
    const policy = columnPolicy(partnership.config.agreements.filter((a) => a.dataset === dataset.id).flatMap((a) => a.allowed_fields));
    const stats = emptyStats();
    const hash = createHash('sha256');
    let columns: readonly string[] | null = null;
    let digestMillis = 0;
    const cpuBefore = process.cpuUsage();
    const items = adapters[mapping.format]({ path: join(dir, dataset.file), options: mapping.options, onColumns: (c) => { columns = c; } });
    for await (const chunk of mappedChunks(items, { mapping, policy, chunkRows: 5000, stats, declaredColumns: () => columns })) {
      const started = performance.now();
      hash.update(chunkText(chunk));
      digestMillis += performance.now() - started;
    }
    const cpu = process.cpuUsage(cpuBefore);
    hash.update(statsText(stats));
    console.log(`${dataset.id.padEnd(14)} ${mapping.format.padEnd(11)} ${String(stats.rowsRead).padStart(8)} rows, `
      + `${((cpu.user + cpu.system) / 1000 - digestMillis).toFixed(0).padStart(6)} ms CPU (digest time left out), digest ${hash.digest('hex').slice(0, 16)}`);
  }
}

const statsText = (stats: LoadStats): string =>
  JSON.stringify({ ...stats, refusedColumns: [...stats.refusedColumns], warnings: [...stats.warnings], quarantineCodes: [...stats.quarantineCodes] });

const uptime = (): string => loadavg().map((l) => l.toFixed(2)).join(', ');

/** Generates the extracts and probes each `runs` times, one child process per run. */
export async function runNodeProbe(options: { rows?: number; formats?: Format[]; runs?: number; digest?: boolean; prepare?: boolean; chunkRows?: number } = {}): Promise<NodeProbeResult[]> {
  const rows = options.rows ?? 300_000;
  const runs = options.runs ?? 3;
  const dir = mkdtempSync(join(tmpdir(), 'ingest-node-probe-'));
  const results: NodeProbeResult[] = [];
  try {
    writeConfig(join(dir, 'config'));
    for (const format of options.formats ?? ['csv', 'fixed-width']) {
      const file = join(dir, `people.${format === 'csv' ? 'csv' : 'txt'}`);
      await writeExtract(file, format, rows);
      const mine: NodeProbeResult[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const load = uptime();
        const child = spawnSync(process.execPath,
          [...(process.env.PROBE_NODE_ARGS ?? '').split(' ').filter(Boolean), 'bin/run-ts.mjs', fileURLToPath(import.meta.url),
            '--one', format, file, join(dir, 'config'), String(rows), options.digest ? 'digest' : '-', options.prepare ? 'prepare' : '-', String(options.chunkRows ?? 5000)],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
        const line = child.stdout.trim().split('\n').at(-1) ?? '';
        if (child.status !== 0) throw new Error(`${format} run ${run} failed (exit ${child.status}): ${line}`);
        const result = JSON.parse(line) as NodeProbeResult;
        mine.push(result);
        console.log(`${format.padEnd(11)} run ${run}: ${rows.toLocaleString('en-GB')} rows in ${result.seconds.toFixed(2)} s, ${Math.round(result.rowsPerSecond).toLocaleString('en-GB')} rows/s, `
          + `Node CPU ${result.cpuMicrosPerRow.toFixed(1)} µs/row (GC ${result.gcMicrosPerRow.toFixed(1)}), peak RSS ${result.peakRssMiB.toFixed(0)} MiB`
          + `${result.digest ? `, digest ${result.digest.slice(0, 16)}` : ''} (load ${load})`);
      }
      const cpu = median(mine.map((r) => r.cpuMicrosPerRow));
      console.log(`${format.padEnd(11)} median: Node CPU ${cpu.toFixed(1)} µs/row${options.prepare ? ' (parse → map → chunk → COPY streams)' : ' (parse → map → chunk)'}, `
        + `${Math.round(median(mine.map((r) => r.rowsPerSecond))).toLocaleString('en-GB')} rows/s `
        + `(target: all of Node's work — this, the COPY streams and the wire — within ${TARGET_MICROS} µs/row for 50,000 rows/s; load now ${uptime()})`);
      results.push(...mine);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const argv = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (argv[0] === '--town') {
    await probeTown(argv[1]!);
  } else if (argv[0] === '--one') {
    const [, format, file, configDir, rows, digest, prepare, chunkRows] = argv;
    const result = await probeOne(format as Format, file!, configDir!, Number(rows), digest === 'digest', prepare === 'prepare', Number(chunkRows ?? 5000));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const value = (flag: string): string | undefined => { const at = argv.indexOf(flag); return at === -1 ? undefined : argv[at + 1]; };
    await runNodeProbe({
      rows: value('--rows') ? Number(value('--rows')) : undefined,
      formats: value('--only') ? [value('--only') as Format] : undefined,
      runs: value('--runs') ? Number(value('--runs')) : undefined,
      digest: argv.includes('--digest'),
      prepare: argv.includes('--prepare'),
      chunkRows: value('--chunk-rows') ? Number(value('--chunk-rows')) : undefined,
    });
  }
}
