/**
 * Dispatch over feature kinds: one handler per kind in a `Record`, so that adding a kind breaks the
 * build until it is handled.
 */
import type { FeatureKind, FeatureShape, ShapeOf } from '../model/model-schema.ts';
import { binaryHandler } from './binary-feature.ts';
import { categoricalHandler } from './categorical-levels.ts';
import type { ColumnOf, FeatureColumn } from './feature-column.ts';
import type { CellView, FeatureHandler, LearnSettings } from './feature-handler.ts';
import { numericHandler } from './numeric-binning.ts';

const handlers: { [K in FeatureKind]: FeatureHandler<K> } = {
  numeric: numericHandler,
  categorical: categoricalHandler,
  binary: binaryHandler,
};

function handlerOf<K extends FeatureKind>(kind: K): FeatureHandler<K> {
  return handlers[kind];
}

/** Learns a feature's cells from its training rows. */
export function learnShape<K extends FeatureKind>(column: ColumnOf<K>, rows: Int32Array, settings: LearnSettings): ShapeOf<K> {
  return handlerOf<K>(column.kind as K).learn(column, rows, settings);
}

/** The cell of every value of `column` under `shape` (−1: never seen in training). */
export function encodeColumn(shape: FeatureShape, column: FeatureColumn): Int32Array {
  if (shape.kind !== column.kind) {
    throw new Error(`feature "${shape.name}" is ${shape.kind} in the model but the data gives a ${column.kind} column; check the column's values`);
  }
  return encodeAs(shape, column as ColumnOf<typeof shape.kind>);
}

function encodeAs<K extends FeatureKind>(shape: ShapeOf<K>, column: ColumnOf<K>): Int32Array {
  return handlerOf<K>(shape.kind as K).encode(shape, column);
}

/** The cells of a shape, in code order. */
export function shapeCells<K extends FeatureKind>(shape: ShapeOf<K>): CellView[] {
  return handlerOf<K>(shape.kind as K).cells(shape);
}

/** The shape with its cells' contributions replaced (code order). */
export function withContributions<K extends FeatureKind>(shape: ShapeOf<K>, contributions: ArrayLike<number>): ShapeOf<K> {
  return handlerOf<K>(shape.kind as K).withContributions(shape, contributions);
}

/** How many leading cells are ordered (smoothed, possibly monotone). */
export function orderedCells<K extends FeatureKind>(shape: ShapeOf<K>): number {
  return handlerOf<K>(shape.kind as K).orderedCells(shape);
}

/** The contribution of every cell, indexed by code, for fast scoring. */
export function contributionTable(shape: FeatureShape): Float64Array {
  return Float64Array.from(shapeCells(shape), (cell) => cell.contribution);
}
