/** A parsed row of a flat format (CSV, fixed-width). */
import type { FlatRecord, SourceRow } from '../source-row.ts';
import { clipRaw } from './adapter.ts';

const NO_GROUPS: Record<string, FlatRecord[]> = Object.freeze({}) as Record<string, FlatRecord[]>;

/**
 * A row with its fields and no groups. Its `raw` text (the line, or the CSV record joined by its
 * delimiter) is made only when read: the loader never reads it for a parsed row.
 */
export class FlatRow implements SourceRow {
  readonly ok = true;
  readonly groups = NO_GROUPS;

  constructor(
    readonly rowNumber: number,
    readonly fields: FlatRecord,
    private readonly text: string | readonly string[],
    private readonly delimiter = '',
  ) {}

  get raw(): string {
    return clipRaw(typeof this.text === 'string' ? this.text : this.text.join(this.delimiter));
  }
}
