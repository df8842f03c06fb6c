/** The demo's ingest step: load every extract of the town and summarise per agency. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTown, type FileOutcome } from '../../ingest/index.ts';
import type { Store } from '../../store/index.ts';
import { secs, textTable } from './summary-table.ts';

interface DatasetCounts {
  dataset_id: string; agency_id: string; records: string; events: string; quarantined: string;
}

/** Loads the town in `townDir` and returns a per-dataset summary table (records, events, quarantined, load time). */
export async function ingestTown(store: Store, townDir: string, loadDate: string): Promise<{ outcomes: FileOutcome[]; table: string }> {
  const outcomes = await loadTown(store, townDir, { loadDate });
  const counts = await store.sql.query<DatasetCounts>(`
    SELECT d.id AS dataset_id, d.agency_id,
      (SELECT count(*) FROM source_records r WHERE r.dataset_id = d.id) AS records,
      (SELECT count(*) FROM events e WHERE e.dataset_id = d.id) AS events,
      (SELECT count(*) FROM quarantined_rows q WHERE q.dataset_id = d.id) AS quarantined
    FROM datasets d ORDER BY d.agency_id, d.id`);
  // loadTown loads the manifest's datasets in order, one outcome each.
  const manifest = JSON.parse(readFileSync(join(townDir, 'truth', 'manifest.json'), 'utf8')) as { datasets: Array<{ id: string }> };
  const outcomeOf = new Map(manifest.datasets.map((d, i) => [d.id, outcomes[i]]));
  const timeOf = (o: FileOutcome | undefined): string => (!o ? '-' : o.status === 'already-loaded' ? 'already loaded' : secs(o.seconds));
  const rows: Array<Array<string | number>> = counts.map((c) => [
    c.agency_id, c.dataset_id, Number(c.records), Number(c.events), Number(c.quarantined), timeOf(outcomeOf.get(c.dataset_id)),
  ]);
  const total = (i: number) => rows.reduce((s, r) => s + Number(r[i]), 0);
  rows.push(['all agencies', '', total(2), total(3), total(4), secs(outcomes.reduce((s, o) => s + o.seconds, 0))]);
  return { outcomes, table: textTable(['agency', 'dataset', 'records', 'events', 'quarantined', 'load time'], rows) };
}
