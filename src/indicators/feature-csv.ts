/**
 * The feature table as CSV: identifiers, the model's features, the label, and then the protected
 * characteristics in columns prefixed `protected__` (fairness audit only — drop them before fitting).
 * Several as-of dates stack into one file, for a time-based split on `as_of`.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { FeatureTable } from './feature-table.ts';

export const PROTECTED_PREFIX = 'protected__';

/** CSV text of one or more feature tables (which must share their columns). */
export function featureCsv(tables: FeatureTable[]): string {
  const [first] = tables;
  if (!first) return '';
  const signature = (t: FeatureTable) => [...t.featureNames, '|', ...t.protectedNames].join(',');
  const mismatch = tables.find((t) => signature(t) !== signature(first));
  if (mismatch) throw new Error(`feature tables as of ${first.asOf} and ${mismatch.asOf} have different columns; build them with the same options`);
  const header = ['person_id', 'as_of', ...first.featureNames, 'label', ...first.protectedNames.map((n) => PROTECTED_PREFIX + n)];
  const records = tables.flatMap((t) => t.rows.map((row) => [
    row.personId, row.asOf, ...t.featureNames.map((n) => row.features[n] ?? 0), row.label,
    ...t.protectedNames.map((n) => row.protected[n] ?? ''),
  ]));
  return stringify([header, ...records]);
}

/** Writes the CSV to `path`; returns the number of data rows. */
export function writeFeatureCsv(tables: FeatureTable[], path: string): number {
  writeFileSync(path, featureCsv(tables));
  return tables.reduce((sum, t) => sum + t.rows.length, 0);
}
