/** The blocking key columns every rule of a spec needs, with the SQL that computes each per record. */
import { keyColumns, keyExpression, type KeyColumns } from '../blocking/blocking-keys.ts';
import type { BlockingKey } from '../spec/blocking-rule-schema.ts';
import { keySignature } from '../spec/blocking-rule-schema.ts';
import type { LinkageSpec } from '../spec/linkage-spec-schema.ts';
import type { Dialect } from '../sql/dialect.ts';
import { quoteIdent } from '../sql/quote.ts';

/** Every rule the spec uses: prediction, training sessions and deterministic rules. */
export function allRules(spec: LinkageSpec) {
  return [...spec.blocking_rules, ...spec.training.blocking_rules, ...spec.training.deterministic_rules];
}

/** The key columns of a spec. */
export function specKeyColumns(spec: LinkageSpec): KeyColumns {
  return keyColumns(allRules(spec));
}

/** Each key column with the key and the SQL computing it from the input record `i`. */
export function blockingKeyColumns(spec: LinkageSpec, dialect: Dialect): Array<{ column: string; key: BlockingKey; expression: string }> {
  const columns = specKeyColumns(spec);
  const keys = new Map<string, BlockingKey>(allRules(spec).flatMap((r) => r.keys.map((k) => [keySignature(k), k] as const)));
  return [...columns].map(([signature, column]) => ({
    column,
    key: keys.get(signature)!,
    expression: keyExpression(keys.get(signature)!, dialect, (c) => `i.${quoteIdent(c)}`),
  }));
}
