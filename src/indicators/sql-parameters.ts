/** Values go into generated SQL as numbered parameters, never as text. */
export interface SqlParameters {
  /** Adds a value and returns its placeholder (`$3`), optionally with a cast (`$3::date`). */
  add(value: unknown, cast?: string): string;
  readonly values: unknown[];
}

/** A fresh parameter list; placeholders are numbered in the order values are added. */
export function sqlParameters(): SqlParameters {
  const values: unknown[] = [];
  return {
    values,
    add(value, cast) {
      values.push(value);
      return cast ? `$${values.length}::${cast}` : `$${values.length}`;
    },
  };
}

/** A named step of generated SQL; steps are joined into one `WITH` chain. */
export interface SqlStep {
  name: string;
  sql: string;
}

/** Joins named steps and a final statement into `WITH a AS (...), b AS (...) <final>`. */
export function withSteps(steps: SqlStep[], final: string): string {
  if (steps.length === 0) return final;
  return `WITH ${steps.map((s) => `${s.name} AS (\n${s.sql}\n)`).join(',\n')}\n${final}`;
}
