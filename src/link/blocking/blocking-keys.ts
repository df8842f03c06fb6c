/**
 * Blocking keys are computed once per record (`__bk_0`, `__bk_1`, …) so that every blocking
 * join is a plain equi-join and excluding the pairs of earlier rules costs one comparison.
 */
import { type BlockingKey, type BlockingRule, keySignature } from '../spec/blocking-rule-schema.ts';
import { call, type Dialect } from '../sql/dialect.ts';
import { quoteIdent } from '../sql/quote.ts';

export type KeyColumns = ReadonlyMap<string, string>;

/** One column per distinct key across the rules, in a stable order. */
export function keyColumns(rules: readonly BlockingRule[]): KeyColumns {
  const signatures = [...new Set(rules.flatMap((r) => r.keys.map(keySignature)))].sort();
  return new Map(signatures.map((s, i) => [s, `__bk_${i}`]));
}

/** The SQL of a key over a record column (`soundex("family_name")`). */
export function keyExpression(key: BlockingKey, dialect: Dialect, source = (c: string) => quoteIdent(c)): string {
  const column = source(key.column);
  switch (key.transform) {
    case 'value': return column;
    case 'prefix': return call(dialect, 'substring', column, '1', String(Math.max(1, key.length)));
    case 'soundex': return call(dialect, 'soundex', column);
    case 'year': return call(dialect, 'substring', column, '1', '4');
    case 'year_month': return call(dialect, 'substring', column, '1', '7');
  }
}

/** The materialised column of a key. */
export function keyColumn(columns: KeyColumns, key: BlockingKey): string {
  const column = columns.get(keySignature(key));
  if (!column) throw new Error(`blocking key ${keySignature(key)} was not prepared`);
  return column;
}

/** `l.k = r.k AND …` for a rule. */
export function ruleCondition(rule: BlockingRule, columns: KeyColumns): string {
  return rule.keys.map((key) => {
    const c = quoteIdent(keyColumn(columns, key));
    return `l.${c} = r.${c}`;
  }).join(' AND ');
}
