/**
 * The store side of `tributary link`: `tributary link run [--threshold P] [--seed N]` links every
 * source record in the configured store and records the run; `tributary link evaluate --truth
 * DIR/truth/records.csv` measures the store's persons against a synthetic town's truth.
 */
import { loadSettings } from '../../config/index.ts';
import { evaluateStore, linkStore, type LinkStoreResult, modelTable, type ProgressEvent } from '../../link/index.ts';
import { openStore, type Store } from '../../store/index.ts';

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  const store = await openStore(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : { dataDir: settings.dataDir });
  try { return await work(store); } finally { await store.close(); }
}

function report(run: LinkStoreResult): void {
  const { result } = run;
  console.log('trained without labels:');
  console.log(modelTable(result.model));
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  const c = result.counts;
  console.log(`\nrun ${run.runId}: ${c.records} source records from ${c.sources.length} dataset(s); ${c.candidatePairs} candidate pairs; ${c.scoredPairs} pairs above the review floor`);
  const p = run.persons;
  console.log(`${p.total} persons at match probability ≥ ${result.threshold} (${p.created} new, ${p.merged} merged into others, ${p.splits} split, ${p.retired} retired); ${run.reviewItems} pairs for clerical review`);
  console.log(`${c.refusedLinks} links refused (conflicting identifiers or decisions), ${c.cutLinks} weak links cut; spec ${result.specHash}`);
  console.log(Object.entries(run.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', '));
}

/** Links the configured store (the `run` sub-command without files). */
export async function runStoreLink(options: { threshold?: number; seed: number; onProgress?: (e: ProgressEvent) => void }): Promise<void> {
  await withStore(async (store) => {
    const run = await linkStore(store, { seed: options.seed, ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    report(run);
  });
}

const f = (x: number) => x.toFixed(4);

/** Evaluates the configured store against a town's truth (the `evaluate` sub-command without --clusters). */
export async function evaluateStoreCommand(truth: string, out?: string): Promise<void> {
  const evaluation = await withStore((store) => evaluateStore(store, truth));
  for (const [name, q] of [['all records', evaluation.all], ['children 0–17', evaluation.children]] as const) {
    console.log(`${name}: pairwise precision ${f(q.pairwise.precision)}  recall ${f(q.pairwise.recall)}  F1 ${f(q.pairwise.f1)}; ${q.clusters.predicted} persons for ${q.clusters.trueEntities} true; ${q.clusters.mixed} mixed, ${q.clusters.split} split`);
  }
  console.log(`persons mixing two true people with a child among them: ${evaluation.mixedWithChild} (two children: ${evaluation.mixedChildren})`);
  for (const [dataset, q] of Object.entries(evaluation.byDataset)) console.log(`  ${dataset.padEnd(14)} precision ${f(q.precision)}  recall ${f(q.recall)}  F1 ${f(q.f1)}`);
  if (evaluation.unmatchedRecords) console.log(`${evaluation.unmatchedRecords} source records had no truth and were left out`);
  if (out) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(out, `${JSON.stringify(evaluation, null, 2)}\n`);
    console.log(`report written to ${out}`);
  }
}
