/**
 * Benchmark of the synthetic town: generates N people (default 100,000) into a temporary folder
 * and prints people per second, wall-clock and CPU seconds, and the size of what was written.
 *
 *   npx tsx bench/synth-bench.ts [people] [seed]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTown } from '../src/synth/index.ts';

const people = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);
const out = mkdtempSync(join(tmpdir(), 'tributary-synth-bench-'));

function bytesUnder(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const summary = generateTown({ people, seed, out });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const records = Object.values(summary.records).reduce((n, r) => n + r.subject + r.contact, 0);
console.log(JSON.stringify({
  people: summary.people,
  seconds: Number(seconds.toFixed(2)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  peoplePerSecond: Math.round(summary.people / seconds),
  records,
  megabytes: Number((bytesUnder(out) / 1e6).toFixed(1)),
  peakRssMb: Math.round(process.memoryUsage().rss / 1e6),
}));
rmSync(out, { recursive: true, force: true });
