/**
 * Prepares the input table for linkage: a dense integer id per record (`__rid`, ordered by source
 * and record id), the columns the comparisons read, derived columns (nickname aliases, term
 * frequencies, former names as lists), blocking keys and a seeded random number for sampling.
 */
import { keyExpression } from '../blocking/blocking-keys.ts';
import { blockingKeyColumns } from './blocking-key-columns.ts';
import { type DerivedColumn, derivedColumn } from '../levels/level-handler.ts';
import { levelColumns, levelDerivedColumns, tfColumnOf } from '../levels/levels.ts';
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import { call, type Dialect } from '../sql/dialect.ts';
import type { SqlStep } from '../sql/pipeline.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TableNames } from '../sql/table-names.ts';

export interface PreparedShape {
  /** Base columns carried from the input. */
  readonly baseColumns: readonly string[];
  /** Columns with a term-frequency table. */
  readonly tfColumns: readonly string[];
  /** Columns with a nickname alias list. */
  readonly aliasColumns: readonly string[];
  /** Columns split into distinct words. */
  readonly tokenColumns: readonly string[];
  /** Per-record columns levels compute from an input column (a postcode's sector, a date's day number). */
  readonly computed: readonly DerivedColumn[];
  /** Columns the comparisons read (base and derived), carried into pair tables. */
  readonly pairColumns: readonly string[];
}

const LIST_COLUMNS = new Set(['former_family_names']);

/** Which columns a spec needs prepared. */
export function preparedShape(spec: LinkageSpec): PreparedShape {
  const levels = spec.comparisons.flatMap((c) => c.levels);
  const read = [...new Set(levels.flatMap((l) => levelColumns(l)))];
  const tfColumns = [...new Set(levels.map(tfColumnOf).filter((c): c is string => c !== undefined))];
  const aliasColumns = [...new Set(levels.flatMap((l) => (l.kind === 'alias' ? [l.column] : [])))];
  const tokenColumns = [...new Set(levels.flatMap((l) => (l.kind === 'jaccard' ? [l.column] : [])))];
  const computed = [...new Map(levels.flatMap(levelDerivedColumns).map((d) => [d.column, d] as const)).values()];
  const derived = new Set([...aliasColumns.map(derivedColumn.aliases), ...tfColumns.map(derivedColumn.tf), ...tokenColumns.map(derivedColumn.tokens),
    ...computed.map((d) => d.column)]);
  const keyed = [...spec.blocking_rules, ...spec.training.blocking_rules, ...spec.training.deterministic_rules]
    .flatMap((r) => r.keys.map((k) => k.column));
  const strong = spec.clustering.strong_ids.map((s) => s.column);
  const baseColumns = [...new Set([...read.filter((c) => !derived.has(c)), ...aliasColumns, ...tfColumns, ...tokenColumns,
    ...computed.map((d) => d.source), ...keyed, ...strong])];
  return { baseColumns, tfColumns, aliasColumns, tokenColumns, computed, pairColumns: [...new Set([...read, ...tfColumns.map(derivedColumn.tf)])] };
}

/** The term-frequency table of one column: each value's share of the non-missing values. */
export function tfStep(names: TableNames, column: string): SqlStep {
  const c = quoteIdent(column);
  return {
    name: `term frequencies of ${column}`,
    output: names.tf(column),
    sql: `SELECT ${c} AS value, count(*)::DOUBLE / sum(count(*)) OVER () AS tf FROM ${quoteIdent(names.input)} WHERE ${c} IS NOT NULL GROUP BY ${c}`,
  };
}

/** The steps that build the prepared records table. */
export function preparationSteps(spec: LinkageSpec, names: TableNames, dialect: Dialect, seed: number, options: { computeTf?: boolean } = {}): SqlStep[] {
  const shape = preparedShape(spec);
  const keys = blockingKeyColumns(spec, dialect);
  const select = ['row_number() OVER (ORDER BY i.source, i.record_id)::INTEGER AS __rid', 'i.source', 'i.record_id'];
  const joins: string[] = [];
  for (const column of shape.baseColumns) {
    const c = `i.${quoteIdent(column)}`;
    select.push(LIST_COLUMNS.has(column)
      ? `list_filter(string_split(${c}, ';'), x -> trim(x) <> '') AS ${quoteIdent(column)}`
      : `${c} AS ${quoteIdent(column)}`);
  }
  shape.aliasColumns.forEach((column, i) => {
    const c = `i.${quoteIdent(column)}`;
    joins.push(`LEFT JOIN ${quoteIdent(names.aliases)} AS a${i} ON a${i}.name = ${c}`);
    select.push(`CASE WHEN ${c} IS NULL THEN NULL ELSE coalesce(a${i}.aliases, [${c}]) END AS ${quoteIdent(derivedColumn.aliases(column))}`);
  });
  shape.tfColumns.forEach((column, i) => {
    joins.push(`LEFT JOIN ${quoteIdent(names.tf(column))} AS t${i} ON t${i}.value = i.${quoteIdent(column)}`);
    select.push(`t${i}.tf AS ${quoteIdent(derivedColumn.tf(column))}`);
  });
  for (const { column, source, sql } of shape.computed) select.push(`${sql(dialect, `i.${quoteIdent(source)}`)} AS ${quoteIdent(column)}`);
  for (const column of shape.tokenColumns) {
    select.push(`${call(dialect, 'tokens', `i.${quoteIdent(column)}`)} AS ${quoteIdent(derivedColumn.tokens(column))}`);
  }
  keys.forEach(({ expression, column, key }, i) => {
    if (key.transform !== 'soundex') { select.push(`${expression} AS ${quoteIdent(column)}`); return; }
    // Soundex is a chain of regular expressions: computed once per distinct value, not per record.
    const value = quoteIdent(key.column);
    joins.push(`LEFT JOIN (SELECT v, ${keyExpression(key, dialect, () => 'v')} AS k FROM (SELECT DISTINCT ${value} AS v FROM ${quoteIdent(names.input)})) AS k${i} ON k${i}.v = i.${value}`);
    select.push(`k${i}.k AS ${quoteIdent(column)}`);
  });
  select.push('(hash(i.source, i.record_id, $seed::BIGINT) % 1000000007)::DOUBLE / 1000000007 AS __rand');
  return [
    ...(options.computeTf === false ? [] : shape.tfColumns.map((c) => tfStep(names, c))),
    {
      name: 'prepare records',
      output: names.records,
      sql: `SELECT ${select.join(',\n  ')}\nFROM ${quoteIdent(names.input)} AS i\n${joins.join('\n')}`,
      params: { seed },
    },
  ];
}
