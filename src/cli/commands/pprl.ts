/**
 * `tributary pprl encode|link|load|link-store`: privacy-preserving linkage. An agency encodes its
 * identifiers on its own premises; the hub links the encodings — as files (`link`), or in hub-only
 * mode into the store's persons (`load`, then `link-store`). See docs/pprl.md.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { readLinkMap } from '../../link/index.ts';
import { linkHub, loadHubEncodings } from '../../pprl/hub/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import {
  encodeCsvFile, linkEncodings, readSchemaFile, secretFromFile, writeLinkOutput,
} from '../../pprl/index.ts';

const number = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number, not "${value}".`);
  return n;
};

function probability(value: string): number {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError(`--threshold must be a probability between 0 and 1 (exclusive), not "${value}".`);
  return p;
}

function encodeCommand(): Command {
  return new Command('encode')
    .description('encode a CSV file\'s identifiers as CLKs with keyed blocking keys (run at the agency)')
    .argument('<file>', 'the agency\'s CSV extract')
    .requiredOption('--map <map.json>', 'the map from columns to identifier roles (as for `tributary link`)')
    .requiredOption('--secret-file <key>', 'the secret shared by the agencies, never by the hub')
    .requiredOption('--out <file.clk.ndjson>', 'where to write the encodings; the schema goes beside it as .clk.schema.json')
    .option('--schema <schema.json>', 'a clkhash v3 linkage schema to follow (all agencies must use the same one)')
    .option('--seed <seed>', 'seed for the shuffled row order (for reproducible tests only)')
    .action(async (file: string, opts: { map: string; secretFile: string; out: string; schema?: string; seed?: string }) => {
      const secret = secretFromFile(await readFile(opts.secretFile).catch(() => {
        throw new Error(`cannot read the secret file ${opts.secretFile}; check the path given to --secret-file.`);
      }), opts.secretFile);
      const map = await readLinkMap(opts.map);
      const schema = opts.schema ? await readSchemaFile(opts.schema) : undefined;
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ format: 'encode {value} records', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
        : undefined;
      bar?.start(0, 0);
      const result = await encodeCsvFile({
        input: file, map, secret, out: opts.out, ...(schema ? { schema } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(bar ? { onProgress: (n: number) => bar.update(n) } : {}),
      }).finally(() => bar?.stop());
      if (result.missingColumns.length > 0) {
        console.error(`tributary pprl encode: ${file} has no column ${result.missingColumns.join(', ')}; encoded as missing.`);
      }
      console.error(`encoded ${result.records} records in ${result.seconds.toFixed(2)} s (${Math.round(result.records / Math.max(result.seconds, 1e-9))} records/s) → ${result.out}, schema ${result.schemaPath}`);
    });
}

function linkCommand(): Command {
  return new Command('link')
    .description('link encoded files at the hub: blocking on keyed hashes, Dice on CLKs, threshold learned without labels')
    .argument('<files...>', 'encoded files (.clk.ndjson); each file\'s source name is its name up to the first dot')
    .addOption(new Option('--link-type <type>', 'link across files (each record matched to at most one per other file) or dedupe all records').choices(['link', 'dedupe']).default('link'))
    .requiredOption('--out <dir>', 'where to write clusters.csv and pairs.csv')
    .option('--threshold <p>', 'match probability at or above which pairs are linked (default 0.5, the Bayes decision)', probability)
    .option('--dice-threshold <dice>', 'fix the Dice threshold instead of learning it', number('--dice-threshold'))
    .option('--max-block-size <n>', 'skip blocks with more records than this', number('--max-block-size'), 1000)
    .action(async (files: string[], opts: { linkType: 'link' | 'dedupe'; out: string; threshold?: number; diceThreshold?: number; maxBlockSize: number }) => {
      if (opts.linkType === 'link' && files.length < 2) {
        throw new Error('--link-type link needs at least two encoded files; to find duplicates within one file use --link-type dedupe.');
      }
      const result = await linkEncodings(files, {
        linkType: opts.linkType, maxBlockSize: opts.maxBlockSize,
        ...(opts.threshold !== undefined ? { matchProbability: opts.threshold } : {}),
        ...(opts.diceThreshold !== undefined ? { diceThreshold: opts.diceThreshold } : {}),
      });
      const written = await writeLinkOutput(opts.out, result);
      const { stats, model } = result;
      console.error(`${stats.records} records, ${stats.candidatePairs} candidate pairs${stats.skippedBlocks ? ` (${stats.skippedBlocks} oversized blocks skipped)` : ''}; `
        + `learned Dice threshold ${result.threshold.toFixed(3)} (match share ${(model.prior * 100).toFixed(2)}% of candidates); `
        + `${stats.clusters} clusters → ${written.clusters}, ${written.pairs}`);
    });
}

async function withStore<T>(dataDir: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: dataDir ?? settings.dataDir });
  try { return await work(store); } finally { await store.close(); }
}

const DATA_DIR = ['--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)'] as const;

function loadCommand(): Command {
  return new Command('load')
    .description('hub-only mode: attach an agency\'s encodings to its events-only records in the store')
    .argument('<file>', 'the agency\'s encoded file (.clk.ndjson, from `pprl encode`)')
    .requiredOption('--dataset <id>', 'the agency\'s dataset (its events come through `tributary ingest` with a mapping that names no identifier)')
    .option(...DATA_DIR)
    .action(async (file: string, opts: { dataset: string; dataDir?: string }) => withStore(opts.dataDir, async (store) => {
      const r = await loadHubEncodings(store, opts.dataset, file);
      if (r.status === 'already-loaded') { console.log(`${file} was already loaded into ${r.datasetId} (batch ${r.batchId}); nothing changed`); return; }
      console.log(`${r.datasetId}: ${r.attached} records now carry an encoding, ${r.created} created from the encoding alone (batch ${r.batchId})`);
      if (r.withoutEncoding > 0) console.error(`WARNING: ${r.withoutEncoding} records of ${r.datasetId} have no encoding and cannot be linked until one arrives.`);
    }));
}

function linkStoreCommand(): Command {
  return new Command('link-store')
    .description('hub-only mode: link every encoding in the store into persons (as `tributary link-store` does for clear text)')
    .option('--threshold <p>', 'match probability at or above which pairs are linked (default 0.5)', probability)
    .option('--dice-threshold <dice>', 'fix the Dice threshold instead of learning it', number('--dice-threshold'))
    .option('--max-block-size <n>', 'skip blocks with more records than this', number('--max-block-size'), 1000)
    .option(...DATA_DIR)
    .action(async (opts: { threshold?: number; diceThreshold?: number; maxBlockSize: number; dataDir?: string }) => withStore(opts.dataDir, async (store) => {
      const r = await linkHub(store, {
        maxBlockSize: opts.maxBlockSize, ...(opts.threshold !== undefined ? { matchProbability: opts.threshold } : {}),
        ...(opts.diceThreshold !== undefined ? { diceThreshold: opts.diceThreshold } : {}),
      });
      console.log(`run ${r.runId}: ${r.records} records → ${r.persons} persons (${r.created} new, ${r.merged} merged); `
        + `${r.stats.candidatePairs} candidate pairs, Dice threshold ${r.threshold.toFixed(3)}`);
      if (r.unencoded > 0) console.error(`WARNING: ${r.unencoded} records have no encoding: each is a person of its own until its encoding is loaded.`);
    }));
}

export function registerPprl(program: Command): void {
  program.addCommand(new Command('pprl')
    .description('privacy-preserving record linkage: encode identifiers at the agency, link encodings at the hub')
    .addCommand(encodeCommand())
    .addCommand(linkCommand())
    .addCommand(loadCommand())
    .addCommand(linkStoreCommand()));
}
