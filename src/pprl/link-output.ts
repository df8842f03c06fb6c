/** Writes a linkage's `clusters.csv` and `pairs.csv` in the same layout as `tributary link`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { LinkEncodingsResult } from './link-encodings.ts';

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Writes `DIR/clusters.csv` (every record once, integer cluster ids) and `DIR/pairs.csv` (scored
 * candidate pairs from a match probability of ½, match_probability = 1 / (1 + 2^−match_weight));
 * returns their paths.
 */
export async function writeLinkOutput(dir: string, result: LinkEncodingsResult): Promise<{ clusters: string; pairs: string }> {
  await mkdir(dir, { recursive: true });
  const clusters = join(dir, 'clusters.csv');
  const pairs = join(dir, 'pairs.csv');
  await writeFile(clusters, stringify(result.clusters.map((c) => [c.source, c.recordId, c.clusterId]), {
    header: true, columns: ['source', 'record_id', 'cluster_id'],
  }));
  await writeFile(pairs, stringify(result.pairs.map((p) => [
    p.sourceL, p.recordIdL, p.sourceR, p.recordIdR, round6(p.matchWeight), round6(p.matchProbability),
  ]), { header: true, columns: ['source_l', 'record_id_l', 'source_r', 'record_id_r', 'match_weight', 'match_probability'] }));
  return { clusters, pairs };
}
