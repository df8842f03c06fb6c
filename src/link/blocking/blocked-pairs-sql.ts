/**
 * Candidate pairs from a union of blocking rules. Each rule is an equi-join; a pair found by an
 * earlier rule is left out of later ones, so every pair appears once. `link` pairs only records
 * from different sources; `dedupe` and `link_and_dedupe` pair all records. Each pair carries the
 * columns the comparisons read, suffixed `_l` and `_r`.
 */
import type { BlockingRule } from '../spec/blocking-rule-schema.ts';
import type { LinkType } from '../spec/linkage-spec-schema.ts';
import { pairColumn, quoteIdent } from '../sql/quote.ts';
import { keyColumn, type KeyColumns, ruleCondition } from './blocking-keys.ts';

export interface BlockedPairsOptions {
  readonly records: string;
  readonly rules: readonly BlockingRule[];
  readonly keys: KeyColumns;
  readonly linkType: LinkType;
  /** Record columns to carry into the pair. */
  readonly columns: readonly string[];
  /** When set, only records whose `__rand` is below `$sample_fraction` take part. */
  readonly sampled?: boolean;
  /** Pair the records of this table (left) with `records` (right): no ordering or source filter. */
  readonly left?: string;
}

/** The columns every pair table starts with. */
export function pairSelectList(columns: readonly string[]): string {
  return ['l.__rid AS __rid_l', 'r.__rid AS __rid_r',
    ...columns.flatMap((c) => [`l.${quoteIdent(c)} AS ${pairColumn(c, 'l')}`, `r.${quoteIdent(c)} AS ${pairColumn(c, 'r')}`])].join(', ');
}

/** The filter that keeps each unordered pair once and respects the link type. */
export function pairFilter(linkType: LinkType): string {
  return linkType === 'link' ? 'l.__rid < r.__rid AND l.source <> r.source' : 'l.__rid < r.__rid';
}

/**
 * A SELECT of all candidate pairs, with `__rule` the index of the first rule that found each.
 * The rules join narrow rows (record ids and keys); the pair's columns are joined on afterwards
 * by record id, so each blocking join carries two integers per pair instead of every column.
 * A sampled session (few records take part) carries its columns through the join instead: there
 * the join back cost more than it saved (a training session at 1,000,000 records: 11.4 s of CPU
 * narrow, 8.6–9.4 s wide).
 */
export function blockedPairsSql(options: BlockedPairsOptions): string {
  const { records, rules, keys, linkType, columns, sampled, left } = options;
  const from = `${quoteIdent(left ?? records)} AS l JOIN ${quoteIdent(records)} AS r`;
  const carried = sampled ? columns : [];
  const ids = rules.map((rule, index) => {
    const earlier = rules.slice(0, index).map((prior) => `NOT coalesce(${ruleCondition(prior, keys)}, FALSE)`);
    const sample = sampled ? ['l.__rand < $sample_fraction', 'r.__rand < $sample_fraction'] : [];
    const where = [left ? 'TRUE' : pairFilter(linkType), ...sample, ...earlier].join('\n  AND ');
    return `SELECT ${pairSelectList(carried)}, ${index} AS __rule\nFROM ${from} ON ${ruleCondition(rule, keys)}\nWHERE ${where}`;
  }).join('\nUNION ALL\n');
  return columns.length && !sampled ? withPairColumns(`(\n${ids}\n)`, records, columns, left) : ids;
}

/** Pairs of record ids (`__rid_l`, `__rid_r`, `__rule`, from a table or a parenthesised query) with the records' columns joined on. */
export function withPairColumns(ids: string, records: string, columns: readonly string[], left?: string): string {
  return `SELECT ${pairSelectList(columns)}, p.__rule\nFROM ${ids} AS p
JOIN ${quoteIdent(left ?? records)} AS l ON l.__rid = p.__rid_l
JOIN ${quoteIdent(records)} AS r ON r.__rid = p.__rid_r`;
}

/** A SELECT counting the pairs each rule would add (cheap: block sizes, not pairs). */
export function blockSizeSql(records: string, rule: BlockingRule, keys: KeyColumns): string {
  const cols = rule.keys.map((key) => quoteIdent(keyColumn(keys, key)));
  return `SELECT coalesce(sum(n * (n - 1) / 2), 0)::DOUBLE AS pairs FROM (SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(records)} WHERE ${cols.map((c) => `${c} IS NOT NULL`).join(' AND ')} GROUP BY ${cols.join(', ')})`;
}
