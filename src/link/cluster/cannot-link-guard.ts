/**
 * Cannot-link constraints (an analyst decided two records are different people): each growing
 * cluster carries a token per side of every constraint its records are in, and two clusters
 * holding the two sides of one constraint are never merged.
 */

/** Per record, the constraint sides it carries (`2i` left, `2i+1` right of constraint i). */
export function cannotLinkTokens(pairs: ReadonlyArray<readonly [number, number]>): Map<number, Set<number>> {
  const tokens = new Map<number, Set<number>>();
  const add = (rid: number, token: number) => {
    const set = tokens.get(rid);
    if (set) set.add(token); else tokens.set(rid, new Set([token]));
  };
  pairs.forEach(([l, r], i) => { add(l, 2 * i); add(r, 2 * i + 1); });
  return tokens;
}

/** Whether merging clusters carrying `a` and `b` would join the two sides of a constraint. */
export function violatesCannotLink(a: ReadonlySet<number> | undefined, b: ReadonlySet<number> | undefined): boolean {
  if (!a || !b) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const token of small) if (large.has(token ^ 1)) return true;
  return false;
}

/** The tokens of a merged cluster. */
export function mergeTokens(a: Set<number> | undefined, b: Set<number> | undefined): Set<number> | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a, ...b]);
}
