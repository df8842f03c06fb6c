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
  /** The match probability at or above which pairs are linked; default ½ (the Bayes decision). */
  matchProbability?: number;
  /** Fix the Dice threshold instead of learning it (the posterior is still reported). */
  diceThreshold?: number;
  /** Blocks with more records than this are skipped; default 1000. */
  maxBlockSize?: number;
}

/** A scored candidate pair, with the learned weight and posterior of its Dice score. */
export interface LinkedPair {
  sourceL: string; recordIdL: string; sourceR: string; recordIdR: string;
  dice: number; matchWeight: number; matchProbability: number;
}

export interface ClusterAssignment { source: string; recordId: string; clusterId: number }

export interface LinkEncodingsResult {
  /** Candidate pairs with a match probability of at least ½ (or the match threshold, if lower). */
  pairs: LinkedPair[];
  /** Every record once. */
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
  const probability = options.matchProbability ?? 0.5;
  const threshold = options.diceThreshold ?? model.scoreAt(probability);
  const keep: number[] = [];
  for (let k = 0; k < scores.length; k++) if (scores[k]! >= threshold) keep.push(k);
  const matchPairs = Int32Array.from(keep.flatMap((k) => [pairs[2 * k]!, pairs[2 * k + 1]!]));
  const labels = solveClusters({
    linkType: options.linkType, size: records.length, sourceOf,
    pairs: matchPairs, scores: Float64Array.from(keep.map((k) => scores[k]!)),
    matchesOf: (p) => Array.from(kernel.scorePairs(p), (s) => s >= threshold),
  });
  const floor = options.diceThreshold ?? Math.min(threshold, model.scoreAt(0.5));
  const linked: LinkedPair[] = [];
  for (let k = 0; k < scores.length; k++) {
    const dice = scores[k]!;
    if (dice < floor) continue;
    const [l, r] = [records[pairs[2 * k]!]!, records[pairs[2 * k + 1]!]!];
    const p = model.posterior(dice);
    linked.push({ sourceL: l.source, recordIdL: l.id, sourceR: r.source, recordIdR: r.id, dice, matchWeight: matchWeight(p), matchProbability: p });
  }
  const clusters = records.map((r, i) => ({ source: r.source, recordId: r.id, clusterId: labels[i]! + 1 }));
  return {
    pairs: linked, clusters, model, threshold,
    stats: { records: records.length, candidatePairs: scores.length, skippedBlocks, matchedPairs: keep.length, clusters: new Set(labels).size },
  };
}
