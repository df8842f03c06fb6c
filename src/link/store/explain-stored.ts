/**
 * The explanation of a link the store holds, for the person page and the review queue: the
 * waterfall of weights of a pair of source records under the trained model of the run that
 * scored them (saved in `link_runs.model`), with its Vega-Lite chart.
 */
import type { SqlClient, Store } from '../../store/index.ts';
import { waterfallChart, type VegaLiteSpec } from '../explain/charts.ts';
import { type PairVector, waterfall, type WaterfallStep } from '../explain/waterfall.ts';
import { tfColumnOf } from '../levels/levels.ts';
import { ROLE_COLUMNS } from '../spec/record-columns.ts';
import { type TrainedModel, TrainedModelSchema } from '../training/model-schema.ts';

export interface StoredPairExplanation {
  readonly runId: number;
  /** The source record ids, smaller first (as `record_links` holds them). */
  readonly recordL: number;
  readonly recordR: number;
  /** As stored by the run. */
  readonly matchWeight: number;
  readonly matchProbability: number;
  /** Prior, then one step per comparison; the last cumulative is the pair's weight. */
  readonly steps: WaterfallStep[];
  readonly chart: VegaLiteSpec;
}

type ValueCounts = Map<string, { counts: Map<string, number>; total: number }>;

/** Value counts per TF column, kept per process for the store as it is (newest record id) — a person page explains several links. */
const countsCache = new Map<string, Promise<ValueCounts>>();

/** Contacts without a postcode take their household's, as the run filled them (store-relations.ts); `only` limits it to some records. */
const householdSql = (only = '') => `WITH household AS (
  SELECT r.from_record_id AS id, min(t.postcode) AS postcode
  FROM (SELECT DISTINCT from_record_id, to_record_id FROM relationships ${only}) AS r
  JOIN source_records AS f ON f.id = r.from_record_id AND f.postcode IS NULL JOIN source_records AS t ON t.id = r.to_record_id
  GROUP BY r.from_record_id HAVING count(DISTINCT t.postcode) = 1 AND count(t.postcode) = count(*))`;
const valueOf = (c: string) => (c === 'postcode' ? 'coalesce(s.postcode, h.postcode)' : `s.${c}`);

async function valueCounts(sql: SqlClient, columns: readonly string[]): Promise<ValueCounts> {
  const [newest] = await sql.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM source_records');
  const key = `${columns.join(',')}:${newest?.id}`;
  let counts = countsCache.get(key);
  if (!counts) {
    if (countsCache.size >= 4) countsCache.delete(countsCache.keys().next().value!);
    counts = (async () => {
      const rows = await sql.query<{ c: string; v: string; n: string | number }>(`${householdSql()}
SELECT x.c, x.v, count(*) AS n FROM source_records AS s LEFT JOIN household AS h ON h.id = s.id,
  LATERAL (VALUES ${columns.map((c) => `('${c}', (${valueOf(c)})::text)`).join(', ')}) AS x(c, v)
WHERE x.v IS NOT NULL GROUP BY x.c, x.v`);
      const tables: ValueCounts = new Map(columns.map((c) => [c, { counts: new Map(), total: 0 }]));
      for (const row of rows) {
        const table = tables.get(row.c)!;
        table.counts.set(row.v, Number(row.n));
        table.total += Number(row.n);
      }
      return tables;
    })();
    countsCache.set(key, counts);
    counts.catch(() => countsCache.delete(key));
  }
  return counts;
}

/**
 * Term frequencies (share of records holding the value) of the TF columns for two source records,
 * as the run computed them: over every source record, postcodes of contacts included as the run
 * filled them from their relations (see store-relations.ts). The value counts are computed once per
 * state of the store and kept; each pair then reads only its two records.
 */
async function storeTermFrequencies(sql: SqlClient, model: TrainedModel, l: number, r: number): Promise<PairVector['tf']> {
  const columns = [...new Set(model.spec.comparisons.flatMap((c) => c.levels.map(tfColumnOf).filter((x): x is string => !!x)))]
    .filter((c) => (ROLE_COLUMNS as readonly string[]).includes(c));
  if (!columns.length) return {};
  const tables = await valueCounts(sql, columns);
  const pair = await sql.query<Record<string, string | null>>(`${householdSql('WHERE from_record_id IN ($1, $2)')}
SELECT s.id::text AS id, ${columns.map((c) => `(${valueOf(c)})::text AS ${c}`).join(', ')}
FROM source_records AS s LEFT JOIN household AS h ON h.id = s.id WHERE s.id IN ($1, $2)`, [l, r]);
  const record = (id: number) => pair.find((row) => row.id === String(id));
  const share = (c: string, v: string | null | undefined) => {
    const table = tables.get(c)!;
    const n = v === null || v === undefined ? 0 : table.counts.get(v) ?? 0;
    return n && table.total ? n / table.total : null;
  };
  return Object.fromEntries(columns.map((c) => [c, [share(c, record(l)?.[c]), share(c, record(r)?.[c])] as const]));
}

/**
 * The waterfall of the stored link between two source records (in either order) under the model
 * of the latest run that scored them, or undefined when no run stored a link for the pair (it
 * scored below the review floor, was never a candidate, or is inside a person through stronger
 * links: runs keep the links that join each person and the review pairs). Term-frequency adjustments use the
 * value frequencies of the store as it is now (as the run did, unless records were added since).
 * @example
 * const explanation = await explainStoredPair(store, 1041, 2210);
 * // explanation?.steps: [{ column: 'prior', … }, { column: 'given_name', label: 'exact match', weight: 9.7, … }, …]
 * // explanation?.chart: a Vega-Lite spec (the waterfall) to embed
 */
export async function explainStoredPair(store: Store, sourceRecordIdL: number | string, sourceRecordIdR: number | string): Promise<StoredPairExplanation | undefined> {
  const [a, b] = [Number(sourceRecordIdL), Number(sourceRecordIdR)].sort((x, y) => x - y) as [number, number];
  const [row] = await store.sql.query<{ run_id: string; match_weight: number; match_probability: number; comparison: Record<string, number> | null; model: unknown }>(
    `SELECT l.run_id::text AS run_id, l.match_weight, l.match_probability, l.comparison, r.model
FROM record_links AS l JOIN link_runs AS r ON r.id = l.run_id
WHERE l.record_l = $1 AND l.record_r = $2 AND l.comparison IS NOT NULL AND r.model IS NOT NULL ORDER BY l.run_id DESC LIMIT 1`, [a, b]);
  if (!row) return undefined;
  const model = TrainedModelSchema.parse(row.model);
  const gammas = Object.fromEntries(Object.entries(row.comparison ?? {}).map(([k, v]) => [k, Number(v)]));
  const steps = waterfall(model, { gammas, tf: await storeTermFrequencies(store.sql, model, a, b) });
  return {
    runId: Number(row.run_id), recordL: a, recordR: b, matchWeight: Number(row.match_weight), matchProbability: Number(row.match_probability),
    steps, chart: waterfallChart(steps),
  };
}
