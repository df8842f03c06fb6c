/** A SHA-256 over the labels and feature values a model was trained on, to tell versions apart. */
import { createHash } from 'node:crypto';
import type { FeatureColumn } from '../features/feature-column.ts';

export function trainingFingerprint(features: readonly FeatureColumn[], labels: Uint8Array): string {
  const hash = createHash('sha256');
  hash.update(labels);
  for (const column of features) {
    hash.update(`\u0000${column.kind}:${column.name}\u0000`);
    if (column.kind === 'categorical') {
      for (let start = 0; start < column.values.length; start += 65536) {
        hash.update(column.values.slice(start, start + 65536).map((value) => (value === null ? '\u0001' : value)).join('\u0000'));
      }
    } else {
      hash.update(new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength));
    }
  }
  return `sha256:${hash.digest('hex')}`;
}
