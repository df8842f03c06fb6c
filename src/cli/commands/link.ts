/**
 * `tributary link FILE.csv [FILE.csv …] --map MAP.json --out DIR [--threshold P]`: link records
 * without labels; and `tributary link evaluate` to measure the result against a truth file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { evaluateFiles, LinkError, linkFiles, LINK_TYPES, modelTable, type ProgressEvent } from '../../link/index.ts';
import { evaluateStoreCommand, runStoreLink } from './link-store.ts';

function probability(value: string): number {
  const p = Number(value);
  if (!(p > 0 && p < 1)) throw new LinkError('LINK_SPEC_INVALID', `--threshold must be a probability between 0 and 1 (exclusive), not "${value}"`);
  return p;
}

/** A progress bar on stderr (shown only on a terminal), one tick per step. */
function progressBar(): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar({ format: 'link [{bar}] {step}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic);
  let steps = 0;
  bar.start(12, 0, { step: 'starting' });
  return {
    onProgress: (e) => { steps = Math.min(steps + 1, 12); bar.update(steps, { step: e.step }); },
    stop: () => bar.stop(),
  };
}

function fail(error: unknown): never {
  if (error instanceof LinkError) {
    console.error(`tributary link: ${error.message} [${error.code}]`);
    process.exit(2);
  }
  throw error;
}

function registerEvaluate(link: Command): void {
  link.command('evaluate')
    .description('measure clusters against a truth file (pairwise precision, recall, F1; cluster measures); without --clusters, the store\'s persons against a town\'s truth/records.csv')
    .option('--clusters <file>', 'DIR/clusters.csv from `tributary link FILE.csv …`')
    .requiredOption('--truth <file>', 'CSV with source, record_id and the true id of each record (or a town\'s truth/records.csv)')
    .option('--truth-column <name>', 'column of the truth file holding the true id', 'true_id')
    .option('--pairs <file>', 'DIR/pairs.csv: also measure the scored pairs at the threshold')
    .option('--threshold <p>', 'match probability for --pairs', probability, 0.9)
    .option('--link-type <type>', `${LINK_TYPES.join(' | ')} (default: from model.json beside the clusters)`)
    .option('--within', 'for link: count pairs within a source too')
    .option('--out <file>', 'where to write the JSON report (default: evaluation.json beside the clusters)')
    .action(async (opts: { clusters?: string; truth: string; truthColumn: string; pairs?: string; threshold: number; linkType?: string; within?: boolean; out?: string }) => {
      try {
        if (!opts.clusters) { await evaluateStoreCommand(opts.truth, opts.out); return; }
        const modelPath = join(dirname(opts.clusters), 'model.json');
        const fromModel = existsSync(modelPath) ? (JSON.parse(readFileSync(modelPath, 'utf8')) as { spec?: { link_type?: string } }).spec?.link_type : undefined;
        const linkType = (opts.linkType ?? fromModel ?? 'dedupe') as (typeof LINK_TYPES)[number];
        if (!LINK_TYPES.includes(linkType)) throw new LinkError('LINK_SPEC_INVALID', `--link-type must be one of ${LINK_TYPES.join(', ')}`);
        const report = await evaluateFiles({ clusters: opts.clusters!, truth: opts.truth, truthColumn: opts.truthColumn, linkType,
          ...(opts.pairs ? { pairs: opts.pairs } : {}), within: !!opts.within, threshold: opts.threshold });
        const out = opts.out ?? join(dirname(opts.clusters), 'evaluation.json');
        await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
        const p = report.pairwise;
        console.log(`pairwise (${report.crossSourceOnly ? 'across sources' : 'all pairs'}): precision ${p.precision.toFixed(4)}  recall ${p.recall.toFixed(4)}  F1 ${p.f1.toFixed(4)}  (true positives ${p.truePositives}, predicted ${p.predicted}, true ${p.actual})`);
        const c = report.clusters;
        console.log(`clusters: ${c.predicted} predicted, ${c.trueEntities} true entities; exact cluster match rate ${c.exactMatchRate.toFixed(4)}; ${c.mixed} mixing two or more entities; ${c.split} entities split`);
        if (report.pairs) console.log(`scored pairs at p ≥ ${report.pairs.threshold}: precision ${report.pairs.precision.toFixed(4)}  recall ${report.pairs.recall.toFixed(4)}  F1 ${report.pairs.f1.toFixed(4)}`);
        if (report.unmatchedRecords) console.log(`${report.unmatchedRecords} clustered records had no truth and were left out`);
        console.log(`report written to ${out}`);
      } catch (error) { fail(error); }
    });
}

export function registerLink(program: Command): void {
  const link = program.command('link')
    .description('probabilistic record linkage (Fellegi-Sunter, trained without labels): `link FILE.csv … --map MAP.json --out DIR` links files; `link run` links the store; `link evaluate` measures the result');
  link.command('run', { isDefault: true })
    .description('without files: link every source record in the store and record the run (persons, links, review items)')
    .argument('[files...]', 'CSV files to link (each file\'s base name is its source); none: link the store')
    .option('--map <file>', 'with files: MAP.json, the record id column, link type and the columns filling each role')
    .option('--out <dir>', 'with files: the output directory')
    .option('--threshold <p>', 'match probability at or above which records are clustered (default 0.9)', probability)
    .option('--spec <file>', 'a linkage spec (JSON or YAML) instead of the default for the mapped roles')
    .option('--model <file>', 'a trained model.json to reuse instead of training')
    .option('--seed <n>', 'seed for the random sampling in training', (v) => Number.parseInt(v, 10), 1)
    .action(async (files: string[], opts: { map?: string; out?: string; threshold?: number; spec?: string; model?: string; seed: number }) => {
      if (!files.length) {
        const bar = progressBar();
        try {
          await runStoreLink({ seed: opts.seed, onProgress: bar.onProgress, ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}) });
          bar.stop();
        } catch (error) { bar.stop(); fail(error); }
        return;
      }
      for (const [flag, value] of [['--map <file>', opts.map], ['--out <dir>', opts.out]] as const) {
        if (!value) { console.error(`error: required option '${flag}' not specified`); process.exit(1); }
      }
      const bar = progressBar();
      try {
        const run = await linkFiles({ files, mapPath: opts.map!, outDir: opts.out!, seed: opts.seed, onProgress: bar.onProgress,
          ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
          ...(opts.spec ? { specPath: opts.spec } : {}), ...(opts.model ? { modelPath: opts.model } : {}) });
        bar.stop();
        const { result } = run;
        console.log(opts.model ? `model loaded from ${opts.model}` : 'trained without labels:');
        console.log(modelTable(result.model));
        for (const warning of run.warnings) console.error(`warning: ${warning}`);
        const c = result.counts;
        console.log(`\n${c.records} records from ${c.sources.length} source(s); ${c.candidatePairs} candidate pairs; ${c.scoredPairs} pairs above the review floor`);
        console.log(`${c.clusters} clusters at match probability ≥ ${result.threshold}; ${c.refusedLinks} links refused (conflicting identifiers), ${c.cutLinks} weak links cut`);
        const steps = Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
        console.log(`spec ${result.specHash}; ${run.seconds.toFixed(1)} s (${steps})`);
        console.log(`wrote ${run.written.join(', ')}`);
      } catch (error) { bar.stop(); fail(error); }
    });
  registerEvaluate(link);
}
