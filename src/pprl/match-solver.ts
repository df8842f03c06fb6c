/**
 * Turning scored candidate pairs into clusters, strongest pair first (greedy, as anonlink's solver).
 *
 * - `link`: a merge is refused when the two clusters hold records of a common source, so each record
 *   is matched to at most one record of every other source (1-to-1 for two sources).
 * - `dedupe`: a merge is refused unless more than half of all pairs across the two clusters score at
 *   or above the threshold (anti-chaining: A~B and B~C do not pull in a C that looks nothing like A).
 */
import { ClusterSets } from './cluster-sets.ts';
import type { LinkType } from './candidate-pairs.ts';

export interface SolverInput {
  linkType: LinkType;
  size: number;
  sourceOf: Int32Array;
  /** Flat (i, j) pairs already known to be matches, with their scores. */
  pairs: Int32Array;
  scores: Float64Array;
  /** Whether each of any (i, j) pairs scores at or above the threshold, for the anti-chaining check. */
  matchesOf: (pairs: Int32Array) => boolean[];
}

/** Returns each record's cluster number. */
export function solveClusters(input: SolverInput): Int32Array {
  const { linkType, size, sourceOf, pairs, scores } = input;
  const order = Array.from({ length: scores.length }, (_, k) => k).sort((x, y) => scores[y]! - scores[x]! || x - y);
  const sets = new ClusterSets(size);
  const sourcesIn = new Map<number, Set<number>>();
  const sourcesOf = (root: number): Set<number> => {
    let s = sourcesIn.get(root);
    if (!s) { s = new Set(sets.membersOf(root).map((m) => sourceOf[m]!)); sourcesIn.set(root, s); }
    return s;
  };
  for (const k of order) {
    const a = sets.find(pairs[2 * k]!);
    const b = sets.find(pairs[2 * k + 1]!);
    if (a === b) continue;
    if (linkType === 'link') {
      const sa = sourcesOf(a);
      const sb = sourcesOf(b);
      if ([...sb].some((s) => sa.has(s))) continue;
      const root = sets.union(a, b);
      sourcesIn.set(root, new Set([...sa, ...sb]));
    } else if (crossMatchShare(sets.membersOf(a), sets.membersOf(b), input.matchesOf) > 0.5) {
      sets.union(a, b);
    }
  }
  return sets.labels();
}

function crossMatchShare(a: readonly number[], b: readonly number[], matchesOf: SolverInput['matchesOf']): number {
  if (a.length === 1 && b.length === 1) return 1;
  const cross = new Int32Array(2 * a.length * b.length);
  let n = 0;
  for (const i of a) for (const j of b) { cross[n++] = i; cross[n++] = j; }
  const matches = matchesOf(cross);
  return matches.filter(Boolean).length / matches.length;
}
