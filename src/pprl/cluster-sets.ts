/** Disjoint sets of records that remember their members, for the solvers' merge checks. */
export class ClusterSets {
  private readonly parent: Int32Array;
  private readonly members: number[][];

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
    this.members = Array.from({ length: size }, (_, i) => [i]);
  }

  /** The representative of i's cluster. */
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) { const next = this.parent[i]!; this.parent[i] = r; i = next; }
    return r;
  }

  /** The records in the cluster whose representative is `root`. */
  membersOf(root: number): readonly number[] {
    return this.members[root]!;
  }

  /** Merges two clusters given by their roots; returns the new root. */
  union(a: number, b: number): number {
    const [big, small] = this.members[a]!.length >= this.members[b]!.length ? [a, b] : [b, a];
    this.parent[small] = big;
    for (const m of this.members[small]!) this.members[big]!.push(m);
    this.members[small] = [];
    return big;
  }

  /** Cluster number of each record, numbered in order of each cluster's first record. */
  labels(): Int32Array {
    const labels = new Int32Array(this.parent.length).fill(-1);
    const byRoot = new Map<number, number>();
    for (let i = 0; i < this.parent.length; i++) {
      const root = this.find(i);
      let label = byRoot.get(root);
      if (label === undefined) { label = byRoot.size; byRoot.set(root, label); }
      labels[i] = label;
    }
    return labels;
  }
}
