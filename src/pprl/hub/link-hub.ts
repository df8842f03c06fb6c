/**
 * Hub-only mode, step two: links every encoded source record in the store — Dice on the CLKs,
 * blocking on the keyed hashes, the threshold learned without labels (`linkEncodings`, as
 * `pprl link` does for files) — and writes the run exactly as the clear-text store run does
 * (`link_runs`, stable `persons`, `person_records`, `record_links`), so that indicators, scores
 * and the worklist work unchanged. Before linking, a year of birth an agency sent as the
 * attribute `birth_year` becomes a coarse date of birth (1 July of that year) so that the
 * indicators can find the young people in the age range; no other identifier is read or written.
 */
import { createHash } from 'node:crypto';
// The clear-text run's writer, so that persons and person_records are written exactly as it writes them.
import { writeFullRun } from '../../link/store/write-run.ts';
import type { Store } from '../../store/index.ts';
import type { EncodedRecord, EncodedSource } from '../clk-file.ts';
import { linkEncodings, type LinkEncodingsOptions, type LinkEncodingsResult } from '../link-encodings.ts';
import { HubError } from './hub-error.ts';

/** Identifier columns a hub-only store must leave empty (`dob` may hold only a coarse 1 July date). */
export const CLEAR_IDENTIFIER_COLUMNS = [
  'given_name', 'middle_names', 'family_name', 'former_family_names', 'postcode', 'address', 'nhs_number', 'upn',
  'ni_number', 'pnc_id', 'email', 'phone',
] as const;

/** Extra ids other than the agency's own reference (`agency_ref`, equal to the local id). */
export const FOREIGN_EXTRA_IDS_SQL = `(extra_ids IS NOT NULL AND extra_ids <> jsonb_build_object('agency_ref', local_id))`;

export type LinkHubOptions = Pick<LinkEncodingsOptions, 'matchProbability' | 'diceThreshold' | 'maxBlockSize'>;

export interface LinkHubResult {
  runId: number;
  records: number;
  /** Records with no encoding (events only): each is a person of its own until its encoding arrives. */
  unencoded: number;
  persons: number;
  created: number;
  merged: number;
  stats: LinkEncodingsResult['stats'];
  threshold: number;
}

const YEAR_OF_BIRTH_SQL = `UPDATE source_records SET dob = make_date((attributes->>'birth_year')::int, 7, 1)
WHERE clk IS NOT NULL AND attributes->>'birth_year' ~ '^(19|20)[0-9]{2}$'
  AND dob IS DISTINCT FROM make_date((attributes->>'birth_year')::int, 7, 1)`;

async function refuseClearText(store: Store): Promise<void> {
  const [row] = await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM source_records
    WHERE ${CLEAR_IDENTIFIER_COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')} OR ${FOREIGN_EXTRA_IDS_SQL}
       OR (dob IS NOT NULL AND (clk IS NULL OR extract(month FROM dob) <> 7 OR extract(day FROM dob) <> 1))`);
  if (row && row.n > 0) {
    throw new HubError('TRB_PPRL_HUB_CLEAR_TEXT',
      `the store holds clear-text identifiers on ${row.n} source records: link it with \`tributary link-store\`. `
      + 'Hub-only linkage runs on a store that holds encodings and events only.');
  }
}

async function readSources(store: Store): Promise<{ sources: EncodedSource[]; unencoded: number[] }> {
  const rows = await store.sql.query<{ id: string | number; dataset_id: string; clk: string | null; blocking_keys: string[] | string | null }>(
    'SELECT id, dataset_id, clk, blocking_keys FROM source_records ORDER BY id');
  const bySource = new Map<string, EncodedRecord[]>();
  const unencoded: number[] = [];
  for (const row of rows) {
    if (row.clk === null) { unencoded.push(Number(row.id)); continue; }
    const keys = typeof row.blocking_keys === 'string' ? JSON.parse(row.blocking_keys) as string[] : row.blocking_keys ?? [];
    const record = { source: row.dataset_id, id: String(row.id), clk: new Uint8Array(Buffer.from(row.clk, 'base64')), keys };
    const list = bySource.get(row.dataset_id);
    if (list) list.push(record); else bySource.set(row.dataset_id, [record]);
  }
  return { sources: [...bySource].map(([source, records]) => ({ source, records })), unencoded };
}

/** Every record's cluster (its smallest source record id) and its strongest link's probability inside it. */
function clustersOf(result: LinkEncodingsResult, unencoded: number[]) {
  const members = new Map<number, number[]>();
  for (const c of result.clusters) {
    const list = members.get(c.clusterId);
    if (list) list.push(Number(c.recordId)); else members.set(c.clusterId, [Number(c.recordId)]);
  }
  const clusterOf = new Map<number, number>();
  for (const ids of members.values()) { const first = Math.min(...ids); for (const id of ids) clusterOf.set(id, first); }
  const best = new Map<number, number>();
  for (const p of result.pairs) {
    const [l, r] = [Number(p.recordIdL), Number(p.recordIdR)];
    if (clusterOf.get(l) !== clusterOf.get(r)) continue;
    for (const id of [l, r]) best.set(id, Math.max(best.get(id) ?? 0, p.matchProbability));
  }
  const records = [...clusterOf.keys(), ...unencoded].sort((a, b) => a - b);
  return {
    records,
    clusters: records.map((id) => clusterOf.get(id) ?? id),
    probabilities: records.map((id) => best.get(id) ?? null),
  };
}

/**
 * Links the store's encodings into persons and records the run.
 * @example const run = await linkHub(store); // then evaluateFactors(store, …) as after a clear-text run
 */
export async function linkHub(store: Store, options: LinkHubOptions = {}): Promise<LinkHubResult> {
  await store.sql.query(YEAR_OF_BIRTH_SQL);
  await refuseClearText(store);
  const { sources, unencoded } = await readSources(store);
  if (sources.length === 0) {
    throw new HubError('TRB_PPRL_HUB_NO_ENCODINGS', 'no source record carries an encoding: load the agencies\' CLK files first (tributary pprl load)');
  }
  const result = await linkEncodings(sources, { linkType: 'dedupe', ...options });
  const clusters = clustersOf(result, unencoded);
  const linked = result.pairs.map((p) => ({ l: Math.min(Number(p.recordIdL), Number(p.recordIdR)), r: Math.max(Number(p.recordIdL), Number(p.recordIdR)), p }))
    .sort((a, b) => a.l - b.l || a.r - b.r);
  const spec = { mode: 'pprl-hub', linkType: 'dedupe', comparison: 'dice', options };
  const threshold = Number.isFinite(result.threshold) ? result.threshold : 1;
  const { prior, match, nonMatch, iterations, pairs } = result.model;
  const { runId, mapping } = await writeFullRun(store, {
    kind: 'full', spec, specHash: createHash('sha256').update(JSON.stringify(spec)).digest('hex'),
    model: { kind: 'dice-beta-mixture', prior, match, nonMatch, iterations, pairs, threshold }, threshold,
    metrics: { counts: result.stats, unencoded: unencoded.length },
  }, {
    clusters,
    pairs: {
      left: linked.map((x) => x.l), right: linked.map((x) => x.r), weight: linked.map((x) => x.p.matchWeight),
      probability: linked.map((x) => x.p.matchProbability), detail: linked.map((x) => JSON.stringify({ dice: x.p.dice })),
    },
    review: { left: [], right: [], weight: [], probability: [], detail: [] },
  });
  return {
    runId, records: clusters.records.length, unencoded: unencoded.length, persons: new Set(mapping.personOf.values()).size,
    created: mapping.created.length, merged: mapping.merged.size, stats: result.stats, threshold,
  };
}
