/**
 * Guard against chaining through one weak link: a cluster whose weakest spanning link is far
 * below the median of its others (by `gap` bits of match weight), is itself uncertain (below
 * `uncertainWeight`), and is not corroborated by links between most records on either side, is
 * cut there; each side is then checked again. Cut links go to clerical review.
 */
import type { Edges } from './cluster-edges.ts';

export interface SplitOptions {
  readonly gap: number;
  readonly uncertainWeight: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Components (as node → component index) of the nodes joined by these edges. */
function components(edges: Edges, tree: readonly number[]): Map<number, number> {
  const adjacency = new Map<number, number[]>();
  const link = (a: number, b: number) => adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
  for (const e of tree) { link(edges.left[e]!, edges.right[e]!); link(edges.right[e]!, edges.left[e]!); }
  const component = new Map<number, number>();
  let next = 0;
  for (const start of adjacency.keys()) {
    if (component.has(start)) continue;
    const stack = [start];
    component.set(start, next);
    while (stack.length) for (const n of adjacency.get(stack.pop()!) ?? []) if (!component.has(n)) { component.set(n, next); stack.push(n); }
    next++;
  }
  return component;
}

/**
 * Splits one cluster given its spanning-tree edges and all its edges. Returns the tree edges kept
 * and the ones cut.
 */
export function splitCluster(edges: Edges, tree: readonly number[], all: readonly number[], options: SplitOptions): { kept: number[]; cut: number[] } {
  if (tree.length < 2) return { kept: [...tree], cut: [] };
  let weakest = tree[0]!;
  for (const e of tree) if (edges.weight[e]! < edges.weight[weakest]!) weakest = e;
  const others = tree.filter((e) => e !== weakest);
  const w = edges.weight[weakest]!;
  if (w >= options.uncertainWeight || median(others.map((e) => edges.weight[e]!)) - w < options.gap) return { kept: [...tree], cut: [] };
  const side = components(edges, others);
  let fresh = -1;
  for (const e of tree) for (const n of [edges.left[e]!, edges.right[e]!]) if (!side.has(n)) side.set(n, fresh--);
  const a = side.get(edges.left[weakest]!)!;
  const sizeA = [...side.values()].filter((c) => c === a).length;
  const sizeB = side.size - sizeA;
  const crossing = all.filter((e) => (side.get(edges.left[e]!) === a) !== (side.get(edges.right[e]!) === a)).length;
  if (crossing / (sizeA * sizeB) > 0.5) return { kept: [...tree], cut: [] };
  const inA = (e: number) => side.get(edges.left[e]!) === a;
  const parts = [others.filter(inA), others.filter((e) => !inA(e))];
  const allParts = [all.filter((e) => e !== weakest && inA(e)), all.filter((e) => e !== weakest && !inA(e))];
  const results = parts.map((part, i) => splitCluster(edges, part, allParts[i]!, options));
  return { kept: results.flatMap((r) => r.kept), cut: [weakest, ...results.flatMap((r) => r.cut)] };
}
