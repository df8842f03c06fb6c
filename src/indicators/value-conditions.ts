/**
 * A factor's conditions on an event's `value` as SQL: one test per given key, all must hold.
 * Numeric tests read the value as a number and are false for a value that is not one.
 */
import type { ValueCondition } from './factor-definitions.ts';
import type { SqlParameters } from './sql-parameters.ts';

type TestKind = keyof ValueCondition;
type Test = (column: string, operand: never, p: SqlParameters) => string;

const NUMBER_PATTERN = `'^[[:space:]]*-?[0-9]+([.][0-9]+)?[[:space:]]*$'`;

/** The value as numeric, or NULL when it is not a number (CASE keeps the cast from ever failing). */
const asNumber = (column: string) => `(CASE WHEN ${column} ~ ${NUMBER_PATTERN} THEN btrim(${column})::numeric END)`;

const numeric = (operator: string): Test =>
  (column, operand: number, p) => `${asNumber(column)} ${operator} ${p.add(operand, 'numeric')}`;

const tests: Record<TestKind, Test> = {
  lt: numeric('<'),
  lte: numeric('<='),
  gt: numeric('>'),
  gte: numeric('>='),
  equals: (column, operand: string, p) => `${column} = ${p.add(operand, 'text')}`,
  in: (column, operand: string[], p) => `${column} = ANY(${p.add(operand, 'text[]')})`,
};

/** SQL that is true when `column` meets every test of the condition; `TRUE` when there is none. */
export function valueConditionSql(condition: ValueCondition | undefined, column: string, p: SqlParameters): string {
  if (!condition) return 'TRUE';
  const parts = (Object.keys(tests) as TestKind[])
    .filter((kind) => condition[kind] !== undefined)
    .map((kind) => tests[kind](column, condition[kind] as never, p));
  return parts.length ? parts.map((s) => `(${s})`).join(' AND ') : 'TRUE';
}
