/**
 * Categorical features: a level for every value seen at least `minCellCount` times (at most
 * `maxLevels`, the most frequent), rare values pooled into "other", missing its own cell. A value
 * never seen in training gets code −1, so it contributes 0 (the average).
 */
import type { ShapeOf } from '../model/model-schema.ts';
import type { ColumnOf } from './feature-column.ts';
import type { FeatureHandler, LearnSettings } from './feature-handler.ts';

type Shape = ShapeOf<'categorical'>;

function learn(column: ColumnOf<'categorical'>, rows: Int32Array, settings: LearnSettings): Shape {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const i of rows) {
    const value = column.values[i];
    if (value === null || value === undefined) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ranked.filter(([, count], rank) => count >= settings.minCellCount && rank < settings.maxLevels);
  const pooled = ranked.slice(kept.length);
  return {
    kind: 'categorical',
    name: column.name,
    levels: kept.map(([value, count]) => ({ value, count, contribution: 0 })),
    other: pooled.length === 0 ? null : {
      values: pooled.map(([value]) => value).sort(),
      count: pooled.reduce((sum, [, count]) => sum + count, 0),
      contribution: 0,
    },
    missing: { count: missing, contribution: 0 },
  };
}

function encode(shape: Shape, column: ColumnOf<'categorical'>): Int32Array {
  const index = new Map<string, number>(shape.levels.map((level, j) => [level.value, j]));
  const otherCode = shape.levels.length;
  for (const value of shape.other?.values ?? []) index.set(value, otherCode);
  const missingCode = shape.levels.length + (shape.other ? 1 : 0);
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const value = column.values[i];
    codes[i] = value === null || value === undefined ? missingCode : (index.get(value) ?? -1);
  }
  return codes;
}

function cells(shape: Shape) {
  return [
    ...shape.levels.map((level) => ({ label: level.value, count: level.count, contribution: level.contribution })),
    ...(shape.other ? [{ label: `(other: ${shape.other.values.length} value${shape.other.values.length === 1 ? '' : 's'})`, count: shape.other.count, contribution: shape.other.contribution }] : []),
    { label: '(missing)', count: shape.missing.count, contribution: shape.missing.contribution },
  ];
}

function withContributions(shape: Shape, contributions: ArrayLike<number>): Shape {
  const levels = shape.levels.map((level, j) => ({ ...level, contribution: contributions[j]! }));
  const otherCode = shape.levels.length;
  const other = shape.other ? { ...shape.other, contribution: contributions[otherCode]! } : null;
  const missing = { ...shape.missing, contribution: contributions[otherCode + (shape.other ? 1 : 0)]! };
  return { ...shape, levels, other, missing };
}

export const categoricalHandler: FeatureHandler<'categorical'> = {
  learn, encode, cells, withContributions, orderedCells: () => 0,
};
