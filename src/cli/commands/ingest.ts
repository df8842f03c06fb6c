/**
 * `tributary ingest --dataset NAME FILE...`: loads agency extracts, one batch per file, under the
 * dataset's data-sharing agreement. The partnership configuration (`--config`, default
 * `config/town`) is loaded into the store first; the mapping is `<config>/mappings/<NAME>.yaml`.
 * Exits non-zero when the dataset is refused or any file fails; a file already loaded is reported
 * and skipped.
 */
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { loadPartnership, readPartnership } from '../../governance/partnership-loader.ts';
import { loadFile, prepareDataset, summaryTable, type FileOutcome, type LoadProgress } from '../../ingest/index.ts';
import { openStore } from '../../store/index.ts';

interface IngestOptions { dataset: string; config: string; loadDate: string }

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(`"${value}" is not a date as YYYY-MM-DD`);
  }
  return value;
}

export function registerIngest(program: Command): void {
  program.command('ingest')
    .description('load agency extract files into a dataset, under its data-sharing agreement')
    .requiredOption('--dataset <name>', 'the dataset; its mapping is <config>/mappings/<name>.yaml')
    .option('--config <dir>', 'the partnership configuration folder (partnership.yaml, mappings/)', 'config/town')
    .option('--load-date <YYYY-MM-DD>', 'the date the agreement must be valid on', isoDate, new Date().toISOString().slice(0, 10))
    .argument('<files...>', 'extract files, each loaded as one batch')
    .action(async (files: string[], options: IngestOptions) => {
      const settings = loadSettings();
      const store = await openStore(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : { dataDir: settings.dataDir });
      try {
        process.exitCode = await ingest(store, files, options);
      } finally {
        await store.close();
      }
    });
}

async function ingest(store: Awaited<ReturnType<typeof openStore>>, files: string[], options: IngestOptions): Promise<number> {
  const partnership = await readPartnership(options.config);
  if (!partnership.ok) {
    for (const p of partnership.problems) console.error(`${partnership.file}${p.line ? `:${p.line}` : ''}: ${p.path}: ${p.message}`);
    console.error(`tributary ingest: the partnership configuration is invalid (${partnership.problems.length} problems); nothing was loaded`);
    return 1;
  }
  await loadPartnership(store, partnership.config);
  const prepared = await prepareDataset(store, options.config, options.dataset, options.loadDate);
  if (!prepared.ok) {
    for (const p of prepared.problems) console.error(`${prepared.file ?? options.dataset}${p.line ? `:${p.line}` : ''}: ${p.path}: ${p.message}`);
    console.error(`tributary ingest: ${options.dataset} refused [${prepared.code}]: no file was read`);
    return 1;
  }
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const bar = progressBar(file);
    try {
      outcomes.push(await loadFile(store, prepared.plan, file, { onProgress: bar.update }));
    } finally {
      bar.stop();
    }
  }
  console.log(summaryTable(options.dataset, outcomes));
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

/** A progress bar on stderr, only on a terminal and only once a file takes more than a moment. */
function progressBar(file: string): { update: (p: LoadProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({
    format: `${file} [{bar}] {percentage}% | {rows} rows | {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  const startedAt = Date.now();
  let started = false;
  return {
    update: ({ bytesRead, bytesTotal, rowsRead }) => {
      if (!started && Date.now() - startedAt < 500) return;
      if (!started) bar.start(bytesTotal, 0, { rows: 0 });
      started = true;
      bar.update(bytesRead, { rows: rowsRead.toLocaleString('en-GB') });
    },
    stop: () => { if (started) bar.stop(); },
  };
}
