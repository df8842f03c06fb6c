/**
 * Generated SQL is a chain of named steps, each creating one table or view from the ones before,
 * joined and run by one pipeline. Values travel as named parameters (`$threshold`).
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { quoteIdent } from './quote.ts';

export interface SqlStep {
  /** What the step does, for progress and logs ("block pairs by rule dob"). */
  readonly name: string;
  /** A SELECT whose result becomes `output`. */
  readonly sql: string;
  /** The table or view the step creates. */
  readonly output: string;
  readonly materialise?: 'table' | 'view';
  readonly params?: Readonly<Record<string, DuckDBValue>>;
}

/** The statement that creates one step's output. */
export function stepStatement(step: SqlStep): string {
  const kind = step.materialise === 'view' ? 'VIEW' : 'TABLE';
  return `CREATE OR REPLACE ${kind} ${quoteIdent(step.output)} AS\n${step.sql}`;
}

/** Only the parameters that the statement names (DuckDB refuses unused ones). */
export function usedParams(sql: string, params: Readonly<Record<string, DuckDBValue>> | undefined): Record<string, DuckDBValue> | undefined {
  if (!params) return undefined;
  const used = Object.entries(params).filter(([key]) => new RegExp(`\\$${key}\\b`).test(sql));
  return used.length ? Object.fromEntries(used) : undefined;
}

/** Runs the steps in order on the connection; `onStep` hears each step as it starts. */
export async function runPipeline(
  connection: DuckDBConnection,
  steps: readonly SqlStep[],
  onStep?: (step: SqlStep, index: number) => void,
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    onStep?.(step, index);
    const statement = stepStatement(step);
    await connection.run(statement, usedParams(statement, step.params));
  }
}

/** Runs a query and returns its rows as plain JS objects. */
export async function queryRows<T = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params?: Readonly<Record<string, DuckDBValue>>,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, usedParams(sql, params));
  return reader.getRowObjectsJS() as T[];
}
