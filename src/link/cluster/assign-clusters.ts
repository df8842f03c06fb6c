/**
 * From scored links to final clusters: constrained clustering, then weak-bridge splitting of
 * the clusters that need it. Each record's cluster id is the smallest record id in its cluster.
 */
import { clusterEdges, type ClusterInput, type RefusedLink } from './cluster-edges.ts';
import { UnionFind } from './union-find.ts';
import { splitCluster, type SplitOptions } from './weak-bridge-split.ts';

export interface Assignment {
  /** `cluster[rid]` is the cluster id of record `rid` (0 is unused). */
  readonly cluster: Int32Array;
  readonly refused: RefusedLink[];
  readonly cut: RefusedLink[];
  /** Links below the review ceiling that hold a cluster together (its spanning tree): a clerical decision on one changes a person. */
  readonly uncertain: RefusedLink[];
  /** The links that join each cluster (its spanning forest, strongest first), as `[left, right]` record ids. */
  readonly tree: ReadonlyArray<readonly [number, number]>;
}

/** The reason given for an uncertain link inside a cluster. */
export const UNCERTAIN_LINK_REASON = 'uncertain link holding a person together';

/** Clusters the records; records without links are their own cluster. */
export function assignClusters(input: ClusterInput, split: SplitOptions): Assignment {
  const { edges } = input;
  const { forest, treeEdges, refused } = clusterEdges(input);
  const treeByRoot = new Map<number, number[]>();
  for (const e of treeEdges) {
    const root = forest.find(edges.left[e]!);
    const list = treeByRoot.get(root);
    if (list) list.push(e); else treeByRoot.set(root, [e]);
  }
  const candidates = new Set<number>();
  for (const [root, tree] of treeByRoot) {
    if (tree.length < 2) continue;
    const min = Math.min(...tree.map((e) => edges.weight[e]!));
    if (min < split.uncertainWeight) candidates.add(root);
  }
  const allByRoot = new Map<number, number[]>([...candidates].map((r) => [r, []]));
  if (candidates.size) {
    for (let e = 0; e < edges.left.length; e++) {
      const root = forest.find(edges.left[e]!);
      if (candidates.has(root) && root === forest.find(edges.right[e]!)) allByRoot.get(root)!.push(e);
    }
  }
  const kept: number[] = [];
  const cut: RefusedLink[] = [];
  for (const [root, tree] of treeByRoot) {
    if (!candidates.has(root)) { kept.push(...tree); continue; }
    const result = splitCluster(edges, tree, allByRoot.get(root)!, split);
    kept.push(...result.kept);
    for (const e of result.cut) cut.push({ left: edges.left[e]!, right: edges.right[e]!, weight: edges.weight[e]!, reason: 'weak link between strong groups' });
  }
  const final = new UnionFind(input.recordCount + 1);
  for (const group of input.existing ?? []) for (const rid of group.slice(1)) final.union(group[0]!, rid);
  for (const e of kept) final.union(edges.left[e]!, edges.right[e]!);
  const uncertain = kept.filter((e) => edges.weight[e]! < split.uncertainWeight)
    .map((e) => ({ left: edges.left[e]!, right: edges.right[e]!, weight: edges.weight[e]!, reason: UNCERTAIN_LINK_REASON }));
  const cluster = new Int32Array(input.recordCount + 1);
  const smallest = new Int32Array(input.recordCount + 1);
  for (let rid = input.recordCount; rid >= 1; rid--) smallest[final.find(rid)] = rid;
  for (let rid = 1; rid <= input.recordCount; rid++) cluster[rid] = smallest[final.find(rid)]!;
  const tree = kept.map((e) => [edges.left[e]!, edges.right[e]!] as const);
  return { cluster, refused, cut, uncertain, tree };
}
