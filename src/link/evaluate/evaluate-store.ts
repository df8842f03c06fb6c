/**
 * Measures the store's persons against a synthetic town's truth (`truth/records.csv`:
 * dataset, local_id, kind, person_id; `truth/persons.csv` beside it for ages): pairwise and
 * cluster measures over every record, over the records of children (aged 0–17 at the extract,
 * the worklist population), and the persons that mix two true people where a child is involved.
 */
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Store } from '../../store/index.ts';
import { type LabelledRecord, measureQuality, type QualityReport } from './cluster-metrics.ts';

export interface StoreEvaluation {
  readonly all: QualityReport;
  readonly children: QualityReport;
  /** Persons whose records belong to two or more true people, at least one a child. */
  readonly mixedWithChild: number;
  /** Persons whose records belong to two or more true children. */
  readonly mixedChildren: number;
  /** Per dataset: pairwise measures over pairs with at least one record of the dataset. */
  readonly byDataset: Record<string, { precision: number; recall: number; f1: number }>;
  /** Store records with no truth row (left out). */
  readonly unmatchedRecords: number;
  readonly examples: Array<{ person: string; truePersons: string[] }>;
}

async function readTruth(path: string): Promise<{ truth: Map<string, string>; children: Set<string> }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const records = await connection.runAndReadAll(`SELECT dataset || chr(0) || kind || chr(0) || local_id, person_id FROM read_csv($p, all_varchar = true)`, { p: path });
    const persons = await connection.runAndReadAll(`SELECT person_id FROM read_csv($p, all_varchar = true) WHERE age_at_extract::INTEGER < 18`,
      { p: join(dirname(path), 'persons.csv') });
    return {
      truth: new Map(records.getRowsJS().map(([k, p]) => [String(k), String(p)])),
      children: new Set(persons.getRowsJS().map(([p]) => String(p))),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function byDataset(records: readonly LabelledRecord[]): StoreEvaluation['byDataset'] {
  const clusters = new Map<string, LabelledRecord[]>();
  for (const r of records) { const l = clusters.get(r.cluster); if (l) l.push(r); else clusters.set(r.cluster, [r]); }
  const out: StoreEvaluation['byDataset'] = {};
  for (const source of [...new Set(records.map((r) => r.source))].sort()) {
    const truths = new Set(records.filter((r) => r.source === source).map((r) => r.truth));
    const clustersOf = new Set(records.filter((r) => r.source === source).map((r) => r.cluster));
    const subset = records.filter((r) => truths.has(r.truth) || clustersOf.has(r.cluster));
    let tp = 0; let predicted = 0; let actual = 0;
    const count = (group: Map<string, LabelledRecord[]>, add: (n: number) => void) => {
      for (const members of group.values()) {
        const mine = members.filter((m) => m.source === source).length;
        add(mine * (members.length - mine) + (mine * (mine - 1)) / 2);
      }
    };
    const groupBy = (key: (r: LabelledRecord) => string) => { const g = new Map<string, LabelledRecord[]>(); for (const r of subset) { const k = key(r); const l = g.get(k); if (l) l.push(r); else g.set(k, [r]); } return g; };
    count(groupBy((r) => r.cluster), (n) => { predicted += n; });
    count(groupBy((r) => r.truth), (n) => { actual += n; });
    count(groupBy((r) => `${r.cluster}\u0000${r.truth}`), (n) => { tp += n; });
    const precision = predicted ? tp / predicted : 1;
    const recall = actual ? tp / actual : 1;
    out[source] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}

/** Evaluates the store's current persons against `truthPath` (truth/records.csv of a town). */
export async function evaluateStore(store: Store, truthPath: string): Promise<StoreEvaluation> {
  const { truth, children } = await readTruth(truthPath);
  const rows = await store.sql.query<{ id: string; dataset_id: string; kind: string; local_id: string; person_id: string | null }>(
    `SELECT s.id::text AS id, s.dataset_id, s.kind, s.local_id, pr.person_id FROM source_records AS s LEFT JOIN person_records AS pr ON pr.source_record_id = s.id`);
  const records: LabelledRecord[] = [];
  let unmatched = 0;
  for (const row of rows) {
    const person = truth.get(`${row.dataset_id}\u0000${row.kind}\u0000${row.local_id}`);
    if (person === undefined) { unmatched++; continue; }
    records.push({ source: row.dataset_id, recordId: row.id, cluster: row.person_id ?? `unlinked:${row.id}`, truth: person });
  }
  const truthsOf = new Map<string, Set<string>>();
  for (const r of records) { const s = truthsOf.get(r.cluster); if (s) s.add(r.truth); else truthsOf.set(r.cluster, new Set([r.truth])); }
  const mixed = [...truthsOf].filter(([, t]) => t.size > 1);
  const withChild = mixed.filter(([, t]) => [...t].some((p) => children.has(p)));
  return {
    all: measureQuality(records, false),
    children: measureQuality(records.filter((r) => children.has(r.truth)), false),
    mixedWithChild: withChild.length,
    mixedChildren: mixed.filter(([, t]) => [...t].filter((p) => children.has(p)).length > 1).length,
    byDataset: byDataset(records),
    unmatchedRecords: unmatched,
    examples: withChild.slice(0, 10).map(([person, t]) => ({ person, truePersons: [...t].sort() })),
  };
}
