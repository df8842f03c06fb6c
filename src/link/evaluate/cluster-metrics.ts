/**
 * Linkage quality against the truth: pairwise precision, recall and F1 (pairs implied by the
 * clusters against true pairs, counted without listing pairs), and cluster-level measures.
 * For `link`, only pairs of records from different sources count unless `within` is set.
 */
export interface LabelledRecord {
  readonly source: string;
  readonly recordId: string;
  readonly cluster: string;
  readonly truth: string;
}

export interface PairCounts { readonly truePositives: number; readonly predicted: number; readonly actual: number }

export interface QualityReport {
  readonly records: number;
  readonly pairwise: PairCounts & { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly clusters: {
    readonly predicted: number;
    readonly trueEntities: number;
    /** Share of true entities whose records form exactly one predicted cluster. */
    readonly exactMatchRate: number;
    /** Predicted clusters holding records of two or more true entities. */
    readonly mixed: number;
    /** True entities whose records are spread over two or more predicted clusters. */
    readonly split: number;
  };
}

/** Pairs among a group of records: all of them, or only those across sources. */
function pairsIn(sources: ReadonlyMap<string, number>, crossOnly: boolean): number {
  let n = 0;
  let same = 0;
  for (const k of sources.values()) { n += k; same += k * k; }
  return crossOnly ? (n * n - same) / 2 : (n * (n - 1)) / 2;
}

function group<K>(records: readonly LabelledRecord[], key: (r: LabelledRecord) => K): Map<K, LabelledRecord[]> {
  const groups = new Map<K, LabelledRecord[]>();
  for (const r of records) {
    const list = groups.get(key(r));
    if (list) list.push(r); else groups.set(key(r), [r]);
  }
  return groups;
}

function pairTotal(groups: Map<unknown, LabelledRecord[]>, crossOnly: boolean): number {
  let total = 0;
  for (const members of groups.values()) {
    const sources = new Map<string, number>();
    for (const m of members) sources.set(m.source, (sources.get(m.source) ?? 0) + 1);
    total += pairsIn(sources, crossOnly);
  }
  return total;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Measures clusters against the truth. */
export function measureQuality(records: readonly LabelledRecord[], crossOnly: boolean): QualityReport {
  const byCluster = group(records, (r) => r.cluster);
  const byTruth = group(records, (r) => r.truth);
  const byCell = group(records, (r) => `${r.cluster}\u0000${r.truth}`);
  const truePositives = pairTotal(byCell, crossOnly);
  const predicted = pairTotal(byCluster, crossOnly);
  const actual = pairTotal(byTruth, crossOnly);
  const precision = ratio(truePositives, predicted);
  const recall = ratio(truePositives, actual);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  let exact = 0;
  let split = 0;
  for (const members of byTruth.values()) {
    const clusters = new Set(members.map((m) => m.cluster));
    if (clusters.size > 1) split++;
    else if (byCluster.get(members[0]!.cluster)!.length === members.length) exact++;
  }
  let mixed = 0;
  for (const members of byCluster.values()) if (new Set(members.map((m) => m.truth)).size > 1) mixed++;
  return {
    records: records.length,
    pairwise: { truePositives, predicted, actual, precision, recall, f1 },
    clusters: { predicted: byCluster.size, trueEntities: byTruth.size, exactMatchRate: ratio(exact, byTruth.size), mixed, split },
  };
}
