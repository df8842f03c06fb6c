/**
 * A feature's values, typed by kind, as the library takes them (the CSV layer builds them from text).
 * Missing is NaN for numbers and null for categories.
 */
import type { FeatureKind } from '../model/model-schema.ts';

export type FeatureColumn =
  | { kind: 'numeric'; name: string; values: Float64Array }
  | { kind: 'categorical'; name: string; values: ReadonlyArray<string | null> }
  | { kind: 'binary'; name: string; values: Float64Array };

export type ColumnOf<K extends FeatureKind> = Extract<FeatureColumn, { kind: K }>;

/** Number of rows in a column. */
export function columnLength(column: FeatureColumn): number {
  return column.values.length;
}
