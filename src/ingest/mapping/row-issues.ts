/** What mapping one row found wrong, gathered as the row is mapped. */
import type { Problem } from '../error-codes.ts';

/** An empty list shared by every row that has none (never written to). */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * A row's problems (they reject it) and warnings (a field dropped, the row loads), in the order
 * found; each list is made only when it gets its first entry, as most rows have neither.
 */
export class RowIssues {
  problems: Problem[] | null = null;
  warnings: Problem[] | null = null;

  reject(problem: Problem): void {
    (this.problems ??= []).push(problem);
  }

  warn(problem: Problem): void {
    (this.warnings ??= []).push(problem);
  }
}
