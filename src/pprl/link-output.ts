/** Writes a linkage's `clusters.csv` and `pairs.csv` in the same layout as `tributary link`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { LinkEncodingsResult } from './link-encodings.ts';

/** Writes `DIR/clusters.csv` (every record once) and `DIR/pairs.csv`; returns their paths. */
export async function writeLinkOutput(dir: string, result: LinkEncodingsResult): Promise<{ clusters: string; pairs: string }> {
  await mkdir(dir, { recursive: true });
  const clusters = join(dir, 'clusters.csv');
  const pairs = join(dir, 'pairs.csv');
  await writeFile(clusters, stringify(result.clusters.map((c) => [c.source, c.recordId, c.clusterId]), {
    header: true, columns: ['source', 'record_id', 'cluster_id'],
  }));
  await writeFile(pairs, stringify(result.pairs.map((p) => [
    p.sourceL, p.recordIdL, p.sourceR, p.recordIdR, p.matchWeight.toFixed(4), p.matchProbability.toFixed(6),
  ]), { header: true, columns: ['source_l', 'record_id_l', 'source_r', 'record_id_r', 'match_weight', 'match_probability'] }));
  return { clusters, pairs };
}
