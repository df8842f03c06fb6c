/** What a file's load counted: every row read is either loaded or quarantined. */

export interface LoadStats {
  rowsRead: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  eventsAdded: number;
  contacts: number;
  /** Columns found in the file that the agreement does not allow: never stored. */
  readonly refusedColumns: Set<string>;
  /** Fields dropped with a warning, by code. */
  readonly warnings: Map<string, number>;
  /** Quarantined rows, by code. */
  readonly quarantineCodes: Map<string, number>;
}

export const emptyStats = (): LoadStats => ({
  rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, eventsAdded: 0, contacts: 0,
  refusedColumns: new Set(), warnings: new Map(), quarantineCodes: new Map(),
});

export const tally = (counts: Map<string, number>, code: string): void => {
  counts.set(code, (counts.get(code) ?? 0) + 1);
};
