/**
 * Linking encodings at the hub, wholly without identifiers: blocking on the opaque keys, Dice on
 * the CLKs (WebAssembly kernel), a threshold learned without labels, and greedy clustering.
 */
import { readFile } from 'node:fs/promises';
import { candidatePairs, type LinkType } from './candidate-pairs.ts';
import { readEncodedFile, schemaPathFor, type EncodedRecord, type EncodedSource } from './clk-file.ts';
import { createDiceKernel, packFilters } from './dice-kernel.ts';
import { solveClusters } from './match-solver.ts';
import { fitScoreMixture, matchWeight, scoreHistogram, type MixtureFit } from './score-mixture.ts';

export interface LinkEncodingsOptions {
  linkType: LinkType;
  /** Fix the Dice threshold instead of learning it (the posterior is still reported). */
  threshold?: number;
  /** Blocks with more records than this are skipped; default 1000. */
  maxBlockSize?: number;
}

/** A pair of records placed in one cluster, with the learned weight and posterior of its Dice score. */
export interface LinkedPair {
  sourceL: string; recordIdL: string; sourceR: string; recordIdR: string;
  dice: number; matchWeight: number; matchProbability: number;
}

export interface ClusterAssignment { source: string; recordId: string; clusterId: string }

export interface LinkEncodingsResult {
  pairs: LinkedPair[];
  clusters: ClusterAssignment[];
  model: MixtureFit;
  /** The Dice threshold used for a match. */
  threshold: number;
  stats: { records: number; candidatePairs: number; skippedBlocks: number; matchedPairs: number; clusters: number };
}

async function loadSources(input: readonly string[] | readonly EncodedSource[]): Promise<EncodedSource[]> {
  if (input.length === 0 || typeof input[0] !== 'string') return [...(input as readonly EncodedSource[])];
  const paths = input as readonly string[];
  await checkSchemasAgree(paths);
  const sources = await Promise.all(paths.map((p) => readEncodedFile(p)));
  const names = sources.map((s) => s.source);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`two encoded files have the source name "${repeated}" (the file name up to its first dot); rename one.`);
  return sources;
}

/** Encodings made under different schemas cannot be compared: refuse them, naming the files. */
async function checkSchemasAgree(paths: readonly string[]): Promise<void> {
  const found: Array<{ path: string; text: string }> = [];
  for (const path of paths) {
    const text = await readFile(schemaPathFor(path), 'utf8').catch(() => undefined);
    if (text !== undefined) found.push({ path, text: JSON.stringify(JSON.parse(text)) });
  }
  const differing = found.find((f) => f.text !== found[0]!.text);
  if (differing) {
    throw new Error(`${found[0]!.path} and ${differing.path} were encoded with different schemas (${schemaPathFor(found[0]!.path)} ≠ ${schemaPathFor(differing.path)}). `
      + 'Re-encode all files with one schema: pass the first file\'s schema to the others with --schema.');
  }
}

/**
 * Links encoded sources (file paths or records in memory) and returns matched pairs and a cluster
 * for every record.
 *
 * @example
 * const { clusters } = await linkEncodings(['a.clk.ndjson', 'b.clk.ndjson'], { linkType: 'link' });
 */
export async function linkEncodings(input: readonly string[] | readonly EncodedSource[], options: LinkEncodingsOptions): Promise<LinkEncodingsResult> {
  const sources = await loadSources(input);
  const byId = (a: EncodedRecord, b: EncodedRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const records: EncodedRecord[] = sources.flatMap((s) => [...s.records].sort(byId));
  const sourceOf = Int32Array.from(sources.flatMap((s, k) => s.records.map(() => k)));
  const kernel = createDiceKernel(packFilters(records.map((r) => r.clk)));
  const { pairs, skippedBlocks } = candidatePairs(records, sourceOf, options.linkType, options.maxBlockSize ?? 1000);
  const scores = kernel.scorePairs(pairs);
  const model = fitScoreMixture(scoreHistogram(scores));
  const threshold = options.threshold ?? model.threshold;
  const keep: number[] = [];
  for (let k = 0; k < scores.length; k++) if (scores[k]! >= threshold) keep.push(k);
  const matchPairs = Int32Array.from(keep.flatMap((k) => [pairs[2 * k]!, pairs[2 * k + 1]!]));
  const labels = solveClusters({
    linkType: options.linkType, size: records.length, sourceOf,
    pairs: matchPairs, scores: Float64Array.from(keep.map((k) => scores[k]!)),
    posteriorOf: (p) => kernel.scorePairs(p).map((s) => (s >= threshold ? Math.max(model.posterior(s), 0.5) : Math.min(model.posterior(s), 0.4999))),
  });
  const linked = pairsWithinClusters(records, labels, kernel.scorePairs.bind(kernel), model);
  const clusters = records.map((r, i) => ({ source: r.source, recordId: r.id, clusterId: `c${labels[i]}` }));
  return {
    pairs: linked, clusters, model, threshold,
    stats: { records: records.length, candidatePairs: scores.length, skippedBlocks, matchedPairs: linked.length, clusters: new Set(labels).size },
  };
}

function pairsWithinClusters(records: readonly EncodedRecord[], labels: Int32Array, score: (p: Int32Array) => Float64Array, model: MixtureFit): LinkedPair[] {
  const byCluster = new Map<number, number[]>();
  labels.forEach((label, i) => { const m = byCluster.get(label); if (m) m.push(i); else byCluster.set(label, [i]); });
  const flat: number[] = [];
  for (const members of byCluster.values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) flat.push(members[x]!, members[y]!);
  }
  const dice = score(Int32Array.from(flat));
  return Array.from(dice, (d, k) => {
    const [l, r] = [records[flat[2 * k]!]!, records[flat[2 * k + 1]!]!];
    const p = model.posterior(d);
    return { sourceL: l.source, recordIdL: l.id, sourceR: r.source, recordIdR: r.id, dice: d, matchWeight: matchWeight(p), matchProbability: p };
  });
}
