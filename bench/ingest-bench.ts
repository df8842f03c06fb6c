/**
 * Ingest benchmark: one million generated rows (simple made-up people with one event each), as
 * CSV and as fixed-width text, each loaded into PGlite (a data folder) and into PostgreSQL (a fresh
 * database made on the server named by `TRIBUTARY_BENCH_DATABASE_URL`, skipped without it). Each
 * load runs in its own child process so that its peak RSS is its own. Prints rows/s and peak RSS.
 *
 * With `--update`, each store then loads a second extract of the same people with a later event each:
 * every record is then already held, so the load takes the upsert (the path of a monthly extract).
 *
 * Run: `node bin/run-ts.mjs bench/ingest-bench.ts [--rows N] [--only csv|fixed-width] [--engine pglite|postgres] [--update] [--repeat N]`
 * (`--repeat N`: N loads of each, each into a fresh store, then their median.)
 * (`INGEST_BENCH_THREAD=on` or `off` forces the worker thread of `src/ingest/load/chunk-thread.ts` either way.)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadPartnership, parsePartnership } from '../src/governance/partnership-loader.ts';
import { loadFile, prepareDataset } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { median } from './median.ts';

type Format = 'csv' | 'fixed-width';
type Engine = 'pglite' | 'postgres';

export interface IngestBenchResult {
  readonly format: Format;
  readonly engine: Engine;
  /** `first`: into an empty dataset; `update`: the same people again, every record already held (the upsert). */
  readonly load: 'first' | 'update';
  readonly rows: number;
  readonly loaded: number;
  readonly quarantined: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMiB: number;
  readonly fileMiB: number;
  /** CPU time of the loading process (user + system) per row: on a shared machine steadier than rows/s. */
  readonly cpuMicrosPerRow: number;
  /** PostgreSQL: CPU time of the server processes serving the bench database (its backends), per row; null for PGlite (in-process). */
  readonly serverCpuMicrosPerRow: number | null;
}

/** CPU seconds (user + system) of the server backends connected to the store's database, read from /proc (same machine); null where unreadable. */
async function backendCpuSeconds(store: Awaited<ReturnType<typeof openStore>>): Promise<number | null> {
  if (store.kind !== 'postgres') return null;
  const rows = await store.sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return ticks / 100;
}

const NAMES = ['Ann', 'Bob', 'Cara', 'Dev', 'Eve', 'Finn', 'Gita', 'Hal', 'Ivy', 'Jon'];
const SURNAMES = ['Smith', 'Jones', 'Patel', 'Brown', 'Khan', 'Taylor', 'Wilson', 'Evans'];

/** Row i of the generated extract: id, names, date of birth, postcode, one dated event (a year later in extract `edition` 1). */
function person(i: number, edition: number): string[] {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return [`B${i}`, NAMES[i % NAMES.length]!, SURNAMES[(i >> 3) % SURNAMES.length]!, `${day}/${month}/${2000 + (i % 15)}`,
    `TB${(i % 9) + 1} ${(i % 9) + 1}AB`, `${day}/${month}/${2023 + edition}`];
}

const WIDTHS = [10, 10, 12, 10, 8, 10];
const COLUMNS = ['Id', 'Forename', 'Surname', 'DOB', 'Postcode', 'EventDate'];

/** Writes the extract line by line (bounded memory whatever the row count). */
export async function writeExtract(path: string, format: Format, rows: number, edition = 0): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string): Promise<void> => { if (!out.write(`${line}\n`)) await once(out, 'drain'); };
  if (format === 'csv') await write(COLUMNS.join(','));
  else await write('H BENCH EXTRACT');
  for (let i = 0; i < rows; i += 1) {
    const fields = person(i, edition);
    await write(format === 'csv' ? fields.join(',') : `D${fields.map((f, c) => f.padEnd(WIDTHS[c]!)).join('')}`);
  }
  if (format === 'fixed-width') await write(`T${String(rows).padStart(10, '0')}`);
  out.end();
  await once(out, 'finish');
}

/** The partnership and mappings of the bench, written into `dir`. */
export function writeConfig(dir: string): void {
  mkdirSync(join(dir, 'mappings'), { recursive: true });
  const agreement = (dataset: string, fields: string[]) => `
  - id: ${dataset}
    agency: bench
    dataset: ${dataset}
    allowed_fields: [${fields.join(', ')}]
    lawful_basis: benchmark of made-up rows
    purposes: [audit]
    retention_days: 1
    valid_from: '2000-01-01'`;
  writeFileSync(join(dir, 'partnership.yaml'), `partnership: { name: Bench, area: Nowhere }
agencies:
  - { id: bench, name: Bench agency, sector: other }
agreements:${agreement('bench-csv', COLUMNS)}${agreement('bench-fixed-width', COLUMNS)}
`);
  const record = `record:
  local_id: Id
  identifiers:
    given_name: Forename
    family_name: Surname
    dob: { column: DOB, format: DD/MM/YYYY }
    postcode: Postcode
events:
  - code: school.suspension
    date: { column: EventDate, format: DD/MM/YYYY }
`;
  writeFileSync(join(dir, 'mappings', 'bench-csv.yaml'), `dataset: bench-csv\nagency: bench\nformat: csv\n${record}`);
  let start = 2;
  const layout = COLUMNS.map((name, c) => {
    const column = `    - { name: ${name}, start: ${start}, length: ${WIDTHS[c]} }`;
    start += WIDTHS[c]!;
    return column;
  });
  writeFileSync(join(dir, 'mappings', 'bench-fixed-width.yaml'), `dataset: bench-fixed-width\nagency: bench\nformat: fixed-width
options:
  columns:
    - { name: Type, start: 1, length: 1 }
${layout.join('\n')}
  record_type: { column: Type, equals: D }
${record}`);
}

/** Opens (creating and migrating) the store, loads the partnership and registers the dataset. */
async function prepareStore(format: Format, engine: Engine, configDir: string, target: string) {
  const store = await openStore(engine === 'postgres' ? { databaseUrl: target } : { dataDir: target });
  const config = parsePartnership(readFileSync(join(configDir, 'partnership.yaml'), 'utf8'));
  if (!config.ok) throw new Error(JSON.stringify(config.problems));
  await loadPartnership(store, config.config);
  const prepared = await prepareDataset(store, configDir, `bench-${format}`, new Date().toISOString().slice(0, 10));
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return { store, plan: prepared.plan };
}

/**
 * One load, in this process: the child side of the bench (the store was created by an earlier
 * child, so PGlite's one-off initdb does not count towards the peak). Prints one JSON line.
 */
async function loadOne(format: Format, engine: Engine, file: string, configDir: string, target: string, rows: number, load: IngestBenchResult['load']): Promise<void> {
  const { store, plan } = await prepareStore(format, engine, configDir, target);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const serverBefore = await backendCpuSeconds(store);
  // INGEST_BENCH_THREAD=on|off forces the worker thread (`threadPays` decides otherwise)
  const thread = { on: true, off: false }[process.env.INGEST_BENCH_THREAD ?? ''];
  const outcome = await loadFile(store, plan, file, { thread });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // the pool keeps its connections open for ten idle seconds: the loading backend is still there
  const serverAfter = await backendCpuSeconds(store);
  clearInterval(timer);
  await store.close();
  if (outcome.status !== 'loaded') throw new Error(JSON.stringify(outcome));
  const { stats } = outcome;
  if (stats.rowsRead !== rows || stats.rowsLoaded + stats.rowsQuarantined !== rows) throw new Error(`rows not conserved: ${JSON.stringify(stats)}`);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const result: IngestBenchResult = {
    format, engine, load, rows, loaded: stats.rowsLoaded, quarantined: stats.rowsQuarantined, seconds,
    rowsPerSecond: rows / seconds, peakRssMiB: peak / 2 ** 20, fileMiB: statSync(file).size / 2 ** 20,
    cpuMicrosPerRow: (cpu.user + cpu.system) / rows,
    serverCpuMicrosPerRow: serverBefore === null || serverAfter === null ? null : ((serverAfter - serverBefore) * 1e6) / rows,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * How many cores the load kept busy: the loading process's and the server's CPU over the wall time
 * (null without the server's figure). On two cores the most is 2; what falls short of it is time
 * one side waited for the other. Unlike rows/s it hardly moves with the machine's speed.
 */
function coresBusy(result: IngestBenchResult): number | null {
  if (result.serverCpuMicrosPerRow === null) return null;
  return ((result.cpuMicrosPerRow + result.serverCpuMicrosPerRow) * result.rowsPerSecond) / 1e6;
}

/** A fresh database on the bench server, dropped afterwards; null when no server is configured. */
async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = process.env.TRIBUTARY_BENCH_DATABASE_URL;
  if (!admin) return null;
  const name = `tributary_bench_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try { await client.query(sql); } finally { await client.end(); }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Generates the extracts and loads each into each engine, one child process per load. */
export async function runIngestBench(options: { rows?: number; formats?: Format[]; engines?: Engine[]; update?: boolean; repeat?: number } = {}): Promise<IngestBenchResult[]> {
  const rows = options.rows ?? 1_000_000;
  const repeat = Math.max(1, options.repeat ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  const results: IngestBenchResult[] = [];
  try {
    writeConfig(join(dir, 'config'));
    for (const format of options.formats ?? ['csv', 'fixed-width']) {
      const file = join(dir, `people.${format === 'csv' ? 'csv' : 'txt'}`);
      await writeExtract(file, format, rows);
      const update = join(dir, `people-update.${format === 'csv' ? 'csv' : 'txt'}`);
      if (options.update) await writeExtract(update, format, rows, 1);
      for (const engine of options.engines ?? ['pglite', 'postgres']) for (let round = 1; round <= repeat; round += 1) {
        const folder = join(dir, `pglite-${format}-${round}`);
        const database = engine === 'postgres' ? await benchDatabase() : { url: folder, drop: async () => rmSync(folder, { recursive: true, force: true }) };
        if (!database) {
          console.log(`${format} → postgres: skipped (set TRIBUTARY_BENCH_DATABASE_URL to a server URL whose role may create databases)`);
          continue;
        }
        try {
          // INGEST_BENCH_NODE_ARGS (e.g. `--cpu-prof`) goes to the loading children only.
          const nodeArgs = (mode: string) => (mode !== '--init' ? (process.env.INGEST_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) : []);
          const run = (mode: string) => spawnSync(process.execPath,
            [...nodeArgs(mode), 'bin/run-ts.mjs', fileURLToPath(import.meta.url), mode, format, engine, mode === '--update' ? update : file, join(dir, 'config'), database.url, String(rows)],
            { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
          const init = run('--init');
          if (init.status !== 0) throw new Error(`${format} → ${engine}: the store could not be prepared (exit ${init.status})`);
          for (const load of options.update ? (['first', 'update'] as const) : (['first'] as const)) {
            const child = run(load === 'first' ? '--one' : '--update');
            const line = child.stdout.trim().split('\n').at(-1) ?? '';
            if (child.status !== 0) throw new Error(`${format} → ${engine} (${load} load) failed (exit ${child.status}): ${line}`);
            const result = JSON.parse(line) as IngestBenchResult;
            results.push(result);
            console.log(`${format.padEnd(11)} → ${engine.padEnd(8)} ${load === 'update' ? 'update, ' : ''}${rows.toLocaleString('en-GB')} rows (${result.fileMiB.toFixed(0)} MiB) in ${result.seconds.toFixed(1)} s: ${Math.round(result.rowsPerSecond).toLocaleString('en-GB')} rows/s, peak RSS ${result.peakRssMiB.toFixed(0)} MiB, Node CPU ${result.cpuMicrosPerRow.toFixed(1)} µs/row`
              + `${result.serverCpuMicrosPerRow === null ? '' : `, server CPU ${result.serverCpuMicrosPerRow.toFixed(1)} µs/row, ${coresBusy(result)!.toFixed(2)} cores busy`}`
              + `${engine === 'postgres' && load === 'first' ? ` (target ≥ 50,000 rows/s: ${result.rowsPerSecond >= 50_000 ? 'met' : 'not met'})` : ''}`);
          }
        } finally {
          await database.drop();
        }
        if (round === repeat && repeat > 1) {
          // the machine's speed drifts between runs (by a third within minutes here): the median says more than any one run
          const firsts = results.filter((r) => r.format === format && r.engine === engine && r.load === 'first');
          const speeds = firsts.map((r) => r.rowsPerSecond).sort((a, b) => a - b);
          const middle = median(speeds);
          const busy = firsts.map(coresBusy);
          console.log(`${format.padEnd(11)} → ${engine.padEnd(8)} median of ${speeds.length}: ${Math.round(middle).toLocaleString('en-GB')} rows/s (runs ${speeds.map((v) => Math.round(v).toLocaleString('en-GB')).join(', ')})`
            + `${busy.every((b) => b !== null) ? `, median ${median(busy).toFixed(2)} cores busy` : ''}`
            + `${engine === 'postgres' ? ` (target ≥ 50,000 rows/s: ${middle >= 50_000 ? 'met' : 'not met'})` : ''}`);
        }
      }
      rmSync(file, { force: true });
      rmSync(update, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const argv = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, format, engine, file, configDir, target, rows] = argv;
  if (mode === '--init') {
    await (await prepareStore(format as Format, engine as Engine, configDir!, target!)).store.close();
  } else if (mode === '--one' || mode === '--update') {
    await loadOne(format as Format, engine as Engine, file!, configDir!, target!, Number(rows), mode === '--one' ? 'first' : 'update');
  } else {
    const value = (flag: string): string | undefined => { const at = argv.indexOf(flag); return at === -1 ? undefined : argv[at + 1]; };
    await runIngestBench({
      rows: value('--rows') ? Number(value('--rows')) : undefined,
      formats: value('--only') ? [value('--only') as Format] : undefined,
      engines: value('--engine') ? [value('--engine') as Engine] : undefined,
      update: argv.includes('--update'),
      repeat: value('--repeat') ? Number(value('--repeat')) : undefined,
    });
  }
}
