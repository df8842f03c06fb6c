/**
 * Writes scored links into `record_links` in bulk: one array per column, the comparison vector
 * as one small-integer array per comparison, and the `comparison` jsonb (`{ name: level }`) built
 * on the server with `jsonb_build_object` — no JSON text per row on the wire or parsed there.
 */
import type { SqlClient } from '../../store/index.ts';

/** Scored pairs of source records with their comparison vectors. */
export interface ScoredLinks {
  readonly left: number[];
  readonly right: number[];
  readonly weight: number[];
  readonly probability: number[];
  /** Comparison names (lower-case letters, digits, underscores: the spec's rule) and, per comparison, each pair's level. */
  readonly comparisons: { readonly names: readonly string[]; readonly levels: ReadonlyArray<readonly number[]> };
}

/** The statement for one chunk. */
export function insertLinksSql(names: readonly string[], suffix = ''): string {
  for (const name of names) if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a comparison name: ${JSON.stringify(name)}`);
  const gammas = names.map((_, i) => `, $${i + 6}::int2[]`).join('');
  const aliases = names.map((_, i) => `, g${i}`).join('');
  const object = names.length ? `jsonb_build_object(${names.map((n, i) => `'${n}', x.g${i}`).join(', ')})` : `'{}'::jsonb`;
  return `INSERT INTO record_links (run_id, record_l, record_r, match_weight, match_probability, comparison)
SELECT $1::bigint, x.l, x.r, x.w, x.p, ${object}
FROM unnest($2::bigint[], $3::bigint[], $4::float8[], $5::float8[]${gammas}) AS x(l, r, w, p${aliases}) ${suffix}`.trimEnd();
}

/** Inserts every link of the run, `chunk` rows a statement. */
export async function insertLinks(sql: SqlClient, runId: number, links: ScoredLinks, options: { chunk?: number; suffix?: string } = {}): Promise<void> {
  const chunk = options.chunk ?? 50_000;
  const statement = insertLinksSql(links.comparisons.names, options.suffix);
  for (let start = 0; start < links.left.length; start += chunk) {
    const end = Math.min(links.left.length, start + chunk);
    await sql.query(statement, [runId, links.left.slice(start, end), links.right.slice(start, end), links.weight.slice(start, end),
      links.probability.slice(start, end), ...links.comparisons.levels.map((levels) => levels.slice(start, end))]);
  }
}
