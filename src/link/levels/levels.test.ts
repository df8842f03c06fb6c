/** Each comparison level: the SQL it generates, and what it decides on a real in-memory DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbDialect } from '../sql/duckdb-dialect.ts';
import { pairContext } from './level-handler.ts';
import type { Level } from './level-schema.ts';
import { levelDerivedColumns, levelLabel, levelSql } from './levels.ts';

let connection: DuckDBConnection;
beforeAll(async () => { connection = await (await DuckDBInstance.create(':memory:')).connect(); });
afterAll(() => connection.closeSync());

const ctx = pairContext(duckdbDialect);

/** Evaluates a level on one pair whose columns are given as SQL literals per side (derived columns computed as records are prepared). */
async function holds(level: Level, l: Record<string, string>, r: Record<string, string>): Promise<boolean> {
  const side = (values: Record<string, string>, suffix: string) => Object.entries(values).flatMap(([k, v]) => [`${v} AS "${k}_${suffix}"`,
    ...levelDerivedColumns(level).filter((d) => d.source === k).map((d) => `${d.sql(duckdbDialect, v)} AS "${d.column}_${suffix}"`)]);
  const cols = ['1 AS dummy', ...side(l, 'l'), ...side(r, 'r')];
  const reader = await connection.runAndReadAll(`SELECT coalesce(${levelSql(level, ctx)}, FALSE) AS ok FROM (SELECT ${cols.join(', ')})`);
  return reader.getRowObjectsJS()[0]!.ok as boolean;
}

const s = (v: string | null) => (v === null ? 'NULL::VARCHAR' : `'${v}'`);
const list = (...v: string[]) => `[${v.map((x) => `'${x}'`).join(', ')}]::VARCHAR[]`;

const cases: Array<{ description: string; level: Level; l: Record<string, string>; r: Record<string, string>; expected: boolean }> = [
  { description: 'null: either side missing', level: { kind: 'null', columns: ['x'] }, l: { x: s(null) }, r: { x: s('a') }, expected: true },
  { description: 'exact: same value', level: { kind: 'exact', column: 'x' }, l: { x: s('smith') }, r: { x: s('smith') }, expected: true },
  { description: 'exact: different value', level: { kind: 'exact', column: 'x' }, l: { x: s('smith') }, r: { x: s('smyth') }, expected: false },
  { description: 'Jaro-Winkler above threshold', level: { kind: 'jaro_winkler', column: 'x', threshold: 0.9 }, l: { x: s('martha') }, r: { x: s('marhta') }, expected: true },
  { description: 'Jaro-Winkler below threshold', level: { kind: 'jaro_winkler', column: 'x', threshold: 0.9 }, l: { x: s('martha') }, r: { x: s('jones') }, expected: false },
  { description: 'Damerau: a transposition is one edit', level: { kind: 'levenshtein', column: 'x', max_distance: 1, damerau: true }, l: { x: s('jhon') }, r: { x: s('john') }, expected: true },
  { description: 'Levenshtein: a transposition is two edits', level: { kind: 'levenshtein', column: 'x', max_distance: 1, damerau: false }, l: { x: s('jhon') }, r: { x: s('john') }, expected: false },
  { description: 'Jaccard: words in another order', level: { kind: 'jaccard', column: 'x', threshold: 0.9 }, l: { x__tokens: list('kylie', 'court') }, r: { x__tokens: list('court', 'kylie') }, expected: true },
  { description: 'Jaccard: one word of three shared', level: { kind: 'jaccard', column: 'x', threshold: 0.5 }, l: { x__tokens: list('a', 'b') }, r: { x__tokens: list('a', 'c') }, expected: false },
  { description: 'initials: J and John', level: { kind: 'initials', column: 'x' }, l: { x: s('j') }, r: { x: s('john') }, expected: true },
  { description: 'initials: J and Mary', level: { kind: 'initials', column: 'x' }, l: { x: s('j') }, r: { x: s('mary') }, expected: false },
  { description: 'name swap', level: { kind: 'name_swap', given: 'g', family: 'f', threshold: 1 }, l: { g: s('smith'), f: s('john') }, r: { g: s('john'), f: s('smith') }, expected: true },
  { description: 'alias: Bill and William share a formal name', level: { kind: 'alias', column: 'g' }, l: { g__aliases: list('bill', 'william') }, r: { g__aliases: list('william') }, expected: true },
  { description: 'former name: married name recorded as former', level: { kind: 'former_name', column: 'f', former: 'ff' }, l: { f: s('jones'), ff: list('smith') }, r: { f: s('smith'), ff: 'NULL::VARCHAR[]' }, expected: true },
  { description: 'date within 31 days', level: { kind: 'date_within', column: 'd', days: 31 }, l: { d: s('2001-03-01') }, r: { d: s('2001-03-20') }, expected: true },
  { description: 'date within: impossible date never matches', level: { kind: 'date_within', column: 'd', days: 31 }, l: { d: s('2001-02-30') }, r: { d: s('2001-03-01') }, expected: false },
  { description: 'day and month transposed', level: { kind: 'date_transposed', column: 'd' }, l: { d: s('2001-03-04') }, r: { d: s('2001-04-03') }, expected: true },
  { description: 'same year and month', level: { kind: 'date_same', column: 'd', part: 'year_month' }, l: { d: s('2001-03-04') }, r: { d: s('2001-03-28') }, expected: true },
  { description: 'same UK postcode sector', level: { kind: 'postcode', column: 'p', part: 'sector' }, l: { p: s('SW1A 1AA') }, r: { p: s('SW1A 1BB') }, expected: true },
  { description: 'same UK postcode district, other sector', level: { kind: 'postcode', column: 'p', part: 'sector' }, l: { p: s('SW1A 1AA') }, r: { p: s('SW1A 2BB') }, expected: false },
  { description: 'non-UK postcodes never share a sector', level: { kind: 'postcode', column: 'p', part: 'district' }, l: { p: s('2026') }, r: { p: s('2026') }, expected: false },
  { description: 'identifier one substitution apart', level: { kind: 'id_one_typo', column: 'i' }, l: { i: s('4857773456') }, r: { i: s('4857773457') }, expected: true },
  { description: 'identifier one adjacent swap apart', level: { kind: 'id_one_typo', column: 'i' }, l: { i: s('4857773456') }, r: { i: s('4857773465') }, expected: true },
  { description: 'identifier one deletion is not a typo of this kind', level: { kind: 'id_one_typo', column: 'i' }, l: { i: s('4857773456') }, r: { i: s('485777345') }, expected: false },
  { description: 'else always holds', level: { kind: 'else' }, l: {}, r: {}, expected: true },
];

describe('comparison levels on DuckDB', () => {
  it.each(cases)('$description', async ({ level, l, r, expected }) => {
    expect(await holds(level, l, r)).toBe(expected);
  });
});

describe('comparison level SQL text and labels', () => {
  it('renders Jaro-Winkler through the dialect with a literal threshold', () => {
    expect(levelSql({ kind: 'jaro_winkler', column: 'given_name', threshold: 0.92 }, ctx))
      .toBe('jaro_winkler_similarity("given_name_l", "given_name_r") >= 0.92');
  });
  it('guards Damerau-Levenshtein with cheaper tests', () => {
    expect(levelSql({ kind: 'levenshtein', column: 'x', max_distance: 1, damerau: true }, ctx))
      .toBe('abs(length("x_l") - length("x_r")) <= 1 AND levenshtein("x_l", "x_r") <= 2 AND damerau_levenshtein("x_l", "x_r") <= 1');
  });
  it('labels levels for people', () => {
    expect(levelLabel({ kind: 'postcode', column: 'p', part: 'sector' })).toBe('same postcode sector');
    expect(levelLabel({ kind: 'date_within', column: 'd', days: 31 })).toBe('within 31 days');
  });
});
