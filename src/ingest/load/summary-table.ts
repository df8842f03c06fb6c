/** The end-of-run report: one line per file (conservation visible: read = loaded + quarantined), then the details. */
import type { FileOutcome } from './load-file.ts';

const HEADINGS = ['dataset', 'file', 'rows read', 'loaded', 'quarantined', 'events', 'refused columns', 'seconds'];

/** A plain-text table of the outcomes, followed by why rows were quarantined, fields dropped or files refused. */
export function summaryTable(dataset: string, outcomes: readonly FileOutcome[]): string {
  const rows = outcomes.map((o): { cells: string[]; note?: string } => {
    const seconds = o.seconds.toFixed(1);
    if (o.status !== 'loaded') {
      return { cells: [dataset, o.file], note: o.status === 'failed' ? `FAILED [${o.code}] after ${seconds} s` : `already loaded in batch ${o.batchId}` };
    }
    const s = o.stats;
    return { cells: [dataset, o.file, count(s.rowsRead), count(s.rowsLoaded), count(s.rowsQuarantined), count(s.eventsAdded), String(s.refusedColumns.size), seconds] };
  });
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [
    line(HEADINGS), line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => (r.note ? `${line(r.cells)}  ${r.note}` : line(r.cells))),
    ...outcomes.flatMap(details),
  ].join('\n');
}

function details(outcome: FileOutcome): string[] {
  if (outcome.status === 'failed') return [outcome.message];
  if (outcome.status === 'already-loaded') return [];
  const s = outcome.stats;
  const lines: string[] = [];
  if (s.quarantineCodes.size) lines.push(`${outcome.file}: quarantined ${list(s.quarantineCodes)} (batch ${outcome.batchId}; see quarantined_rows)`);
  if (s.warnings.size) lines.push(`${outcome.file}: fields dropped ${list(s.warnings)}`);
  if (s.refusedColumns.size) lines.push(`${outcome.file}: refused (outside the agreement, not stored): ${[...s.refusedColumns].sort().join(', ')}`);
  if (s.contacts) lines.push(`${outcome.file}: ${count(s.contacts)} contacts recorded beside their subjects`);
  return lines;
}

const count = (n: number): string => n.toLocaleString('en-GB');
const list = (counts: ReadonlyMap<string, number>): string =>
  [...counts].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ×${count(n)}`).join(', ');
