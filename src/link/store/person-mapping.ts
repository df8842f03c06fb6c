/**
 * Stable person ids: a new run's clusters are mapped onto the persons of the previous run by
 * maximum record overlap (largest overlap first; ties broken by person id, then cluster), so
 * that cases and scores follow the person. Clusters that inherit no person get a new id;
 * persons that inherit no cluster are `merged` into the person that took most of their
 * records (or `retired` when their records are gone). Merges and splits are reported.
 */

export interface PersonChange {
  readonly kind: 'created' | 'merged' | 'split';
  readonly fromPersons: string[];
  readonly toPersons: string[];
  readonly records: number;
}

export interface PersonMapping {
  /** The person of each cluster. */
  readonly personOf: Map<number, string>;
  /** Persons created by this run. */
  readonly created: string[];
  /** Previous persons that became part of another, with the person they went into. */
  readonly merged: Map<string, string>;
  /** Previous persons none of whose records remain. */
  readonly retired: string[];
  readonly changes: PersonChange[];
}

export interface MappingInput {
  /** Source record ids and, at the same index, their new cluster. */
  readonly records: ArrayLike<number>;
  readonly clusters: ArrayLike<number>;
  /** The previous person of each source record that had one. */
  readonly previous: ReadonlyMap<number, string>;
  /** Every previous active person (including those whose records have all gone). */
  readonly activePersons: readonly string[];
  /** A new person id for a cluster (deterministic: from the run and the cluster). */
  readonly newId: (cluster: number) => string;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Maps the run's clusters onto persons. */
export function mapPersons(input: MappingInput): PersonMapping {
  const overlap = new Map<number, Map<string, number>>();
  const sizes = new Map<number, number>();
  for (let i = 0; i < input.records.length; i++) {
    const cluster = input.clusters[i]!;
    sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
    const person = input.previous.get(input.records[i]!);
    if (person === undefined) continue;
    let row = overlap.get(cluster);
    if (!row) overlap.set(cluster, (row = new Map()));
    row.set(person, (row.get(person) ?? 0) + 1);
  }
  const entries = [...overlap].flatMap(([cluster, row]) => [...row].map(([person, n]) => ({ cluster, person, n })));
  entries.sort((a, b) => b.n - a.n || byId(a.person, b.person) || a.cluster - b.cluster);
  const personOf = new Map<number, string>();
  const taken = new Set<string>();
  for (const { cluster, person } of entries) {
    if (personOf.has(cluster) || taken.has(person)) continue;
    personOf.set(cluster, person);
    taken.add(person);
  }
  const created: string[] = [];
  const changes: PersonChange[] = [];
  for (const cluster of [...sizes.keys()].sort((a, b) => a - b)) {
    if (personOf.has(cluster)) continue;
    const id = input.newId(cluster);
    personOf.set(cluster, id);
    created.push(id);
    if (!overlap.has(cluster)) changes.push({ kind: 'created', fromPersons: [], toPersons: [id], records: sizes.get(cluster)! });
  }
  const merged = new Map<string, string>();
  const bestTarget = new Map<string, { cluster: number; n: number }>();
  for (const { cluster, person, n } of entries) if (!bestTarget.has(person)) bestTarget.set(person, { cluster, n });
  for (const person of input.activePersons) {
    if (taken.has(person)) continue;
    const target = bestTarget.get(person);
    if (target) merged.set(person, personOf.get(target.cluster)!);
  }
  const retired = input.activePersons.filter((p) => !taken.has(p) && !merged.has(p));
  for (const [cluster, row] of [...overlap].sort((a, b) => a[0] - b[0])) {
    if (row.size < 2) continue;
    const to = personOf.get(cluster)!;
    changes.push({ kind: 'merged', fromPersons: [...row.keys()].sort(byId), toPersons: [to], records: sizes.get(cluster)! });
  }
  const spread = new Map<string, Map<number, number>>();
  for (const { cluster, person, n } of entries) {
    let row = spread.get(person);
    if (!row) spread.set(person, (row = new Map()));
    row.set(cluster, n);
  }
  for (const [person, row] of [...spread].sort((a, b) => byId(a[0], b[0]))) {
    if (row.size < 2) continue;
    const to = [...new Set([...row.keys()].map((c) => personOf.get(c)!))].sort(byId);
    changes.push({ kind: 'split', fromPersons: [person], toPersons: to, records: [...row.values()].reduce((s, n) => s + n, 0) });
  }
  return { personOf, created, merged, retired, changes };
}
