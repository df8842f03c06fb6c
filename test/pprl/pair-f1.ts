/** Pairwise precision, recall and F1 of a clustering against truth (the FEBRL rec_id number). */

export interface Quality { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number }

/** The true entity of a FEBRL record id: `rec-12-dup-0` and `rec-12-org` are both entity 12. */
export const febrlEntity = (recordId: string): string => recordId.split('-')[1] ?? recordId;

function pairsByGroup(items: ReadonlyArray<{ key: string; group: string; source: string }>, crossSourceOnly: boolean): Set<string> {
  const groups = new Map<string, Array<{ key: string; source: string }>>();
  for (const it of items) { const g = groups.get(it.group); if (g) g.push(it); else groups.set(it.group, [it]); }
  const pairs = new Set<string>();
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        if (crossSourceOnly && members[x]!.source === members[y]!.source) continue;
        const [p, q] = [members[x]!.key, members[y]!.key].sort();
        pairs.add(`${p}|${q}`);
      }
    }
  }
  return pairs;
}

/** Scores clusters (source, record id, cluster id) against truth; for `link`, only cross-source pairs count. */
export function pairQuality(clusters: ReadonlyArray<{ source: string; recordId: string; clusterId: string | number }>, crossSourceOnly: boolean, entityOf = febrlEntity): Quality {
  const keyed = clusters.map((c) => ({ key: `${c.source}/${c.recordId}`, source: c.source, cluster: String(c.clusterId), entity: entityOf(c.recordId) }));
  const predicted = pairsByGroup(keyed.map((k) => ({ ...k, group: k.cluster })), crossSourceOnly);
  const truth = pairsByGroup(keyed.map((k) => ({ ...k, group: k.entity })), crossSourceOnly);
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size ? tp / predicted.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs: truth.size, predictedPairs: predicted.size };
}
