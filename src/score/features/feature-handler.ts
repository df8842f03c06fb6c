/** What every feature kind provides: learn its cells, encode values into cells, expose the cells. */
import type { FeatureKind, ShapeOf } from '../model/model-schema.ts';
import type { ColumnOf } from './feature-column.ts';

export interface LearnSettings {
  /** Most bins of a numeric feature (before ties collapse them). */
  maxBins: number;
  /** Fewest training rows for a bin or a level of its own; rarer levels are pooled into "other". */
  minCellCount: number;
  /** Most levels of a categorical feature kept apart (the most frequent); the rest are pooled. */
  maxLevels: number;
}

/** A cell as shown to people: its label, training count and contribution. */
export interface CellView {
  label: string;
  count: number;
  contribution: number;
}

export interface FeatureHandler<K extends FeatureKind> {
  /** Learns the cells from the training values (labels are never used), with their counts. */
  learn(column: ColumnOf<K>, rows: Int32Array, settings: LearnSettings): ShapeOf<K>;
  /** The cell of every value: an index into the cells, or −1 for a value never seen in training. */
  encode(shape: ShapeOf<K>, column: ColumnOf<K>): Int32Array;
  /** The cells in order. */
  cells(shape: ShapeOf<K>): CellView[];
  /** The shape with every cell's contribution replaced (same order as `cells`). */
  withContributions(shape: ShapeOf<K>, contributions: ArrayLike<number>): ShapeOf<K>;
  /** How many leading cells are ordered: smoothed by a second-difference penalty, may be monotone. */
  orderedCells(shape: ShapeOf<K>): number;
}
