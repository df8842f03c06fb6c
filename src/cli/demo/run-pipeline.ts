/**
 * The whole pipeline on a synthetic town, as `tributary demo` runs it: generate, ingest, link,
 * derive factors, fit a model on past as-of dates, approve it as a demo version and score everyone.
 * Each step prints what it did.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFactors, loadFactorConfig } from '../../indicators/index.ts';
import { evaluateStore, linkStore } from '../../link/index.ts';
import type { Store } from '../../store/index.ts';
import { generateTown } from '../../synth/index.ts';
import type { DemoOptions } from './demo-options.ts';
import { ingestTown } from './ingest-step.ts';
import { fitAndScore } from './model-step.ts';
import { secs, textTable } from './summary-table.ts';

export interface PipelineSummary {
  readonly townDir: string;
  readonly seconds: Record<string, number>;
}

type Log = (line: string) => void;

/** Runs every stage in order on the store; returns where the town is and how long each step took. */
export async function runPipeline(store: Store, dataDir: string, options: DemoOptions, log: Log): Promise<PipelineSummary> {
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    log(`\n» ${name}`);
    const result = await work();
    seconds[name] = (performance.now() - started) / 1000;
    return result;
  };

  const townDir = join(dataDir, `town-${options.people}-seed${options.seed}`);
  await step('generate the synthetic town', () => {
    if (existsSync(join(townDir, 'truth', 'manifest.json'))) {
      log(`  ${townDir} already holds this town; reusing it`);
      return;
    }
    const town = generateTown({ people: options.people, seed: options.seed, out: townDir, extractDate: options.extractDate });
    log(`  ${town.people.toLocaleString('en-GB')} people in ${townDir}`);
  });

  const ingest = await step('ingest every agency extract', () => ingestTown(store, townDir, options.extractDate));
  log(ingest.table);

  const link = await step('link records to persons', () => linkStore(store, { seed: options.seed, threshold: options.threshold }));
  log(`  ${link.result.counts.records.toLocaleString('en-GB')} records → ${link.persons.total.toLocaleString('en-GB')} persons `
    + `(${link.result.counts.candidatePairs.toLocaleString('en-GB')} candidate pairs, ${link.reviewItems} for clerical review)`);
  const truthRecords = join(townDir, 'truth', 'records.csv');
  if (existsSync(truthRecords)) {
    const quality = await evaluateStore(store, truthRecords);
    const f = (x: number) => x.toFixed(4);
    log(`  against the town's truth: pairwise precision ${f(quality.all.pairwise.precision)}, recall ${f(quality.all.pairwise.recall)}, `
      + `F1 ${f(quality.all.pairwise.f1)}; children F1 ${f(quality.children.pairwise.f1)}; `
      + `persons mixing two children ${quality.mixedChildren}, mixing a child with someone else ${quality.mixedWithChild}`);
    log(`  F1 by agency: ${Object.entries(quality.byDataset).map(([dataset, q]) => `${dataset} ${f(q.f1)}`).join(', ')}`);
  }

  const factors = await step('derive risk factors', () => evaluateFactors(store, { asOf: options.extractDate, config: loadFactorConfig() }));
  log(`  as of ${factors.asOf}: ${factors.cohort.toLocaleString('en-GB')} young people in scope`);
  log(textTable(['factor', 'persons', 'evidence events'], factors.factors.map((f) => [f.label, f.persons, f.evidenceEvents])));

  const model = await step('fit, approve (as a demo) and score', () => fitAndScore(store, join(townDir, 'work'), options.extractDate, log));
  for (const line of model.summary) log(`  ${line}`);
  log(`  model version ${model.versionId} (demo approval, marked so) scored ${model.scored.toLocaleString('en-GB')} young people`);

  log(`\n${textTable(['step', 'time'], Object.entries(seconds).map(([name, s]) => [name, secs(s)]))}`);
  return { townDir, seconds };
}
