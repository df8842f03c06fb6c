/**
 * Every difference between SQL engines lives in a `Dialect`: the functions linkage needs, each
 * rendered for one engine. An engine that lacks one leaves it out, and asking for it fails with
 * an error naming the engine and the function.
 */
import { LinkError } from '../link-error.ts';

export const DIALECT_FUNCTIONS = [
  'jaroWinkler', 'levenshtein', 'damerauLevenshtein', 'tokens', 'tokenJaccard', 'listHasAny',
  'listContains', 'listLength', 'tryDate', 'dateDiffDays', 'dayNumber', 'substring', 'soundex', 'hash',
  'log2', 'pow', 'regexpFullMatch', 'regexpExtract', 'splitPart', 'contains', 'greatest', 'concatWords',
] as const;
export type DialectFunction = (typeof DIALECT_FUNCTIONS)[number];

/** Renders a function call from SQL argument expressions. */
export type SqlRenderer = (...args: string[]) => string;

export interface Dialect {
  readonly name: string;
  readonly functions: Partial<Record<DialectFunction, SqlRenderer>>;
}

/** Renders `fn(args)` for the dialect, or fails naming the engine that lacks it. */
export function call(dialect: Dialect, fn: DialectFunction, ...args: string[]): string {
  const render = dialect.functions[fn];
  if (!render) {
    throw new LinkError('LINK_DIALECT_UNSUPPORTED',
      `the ${dialect.name} engine has no ${fn} function; choose another comparison level or engine`);
  }
  return render(...args);
}
