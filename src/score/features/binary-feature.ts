/** 0/1 features: three cells (0, 1, missing); any other number at prediction contributes 0. */
import type { ShapeOf } from '../model/model-schema.ts';
import type { ColumnOf } from './feature-column.ts';
import type { FeatureHandler } from './feature-handler.ts';

type Shape = ShapeOf<'binary'>;

function codeOf(x: number): number {
  if (Number.isNaN(x)) return 2;
  return x === 0 ? 0 : x === 1 ? 1 : -1;
}

function encode(_shape: Shape, column: ColumnOf<'binary'>): Int32Array {
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = codeOf(column.values[i]!);
  return codes;
}

export const binaryHandler: FeatureHandler<'binary'> = {
  learn(column, rows) {
    const counts = [0, 0, 0];
    for (const i of rows) {
      const code = codeOf(column.values[i]!);
      if (code < 0) throw new Error(`binary feature "${column.name}" has the value ${column.values[i]} at row ${i + 1}; only 0, 1 or missing are allowed`);
      counts[code]!++;
    }
    return {
      kind: 'binary',
      name: column.name,
      zero: { count: counts[0]!, contribution: 0 },
      one: { count: counts[1]!, contribution: 0 },
      missing: { count: counts[2]!, contribution: 0 },
    };
  },
  encode,
  cells: (shape) => [
    { label: '0', count: shape.zero.count, contribution: shape.zero.contribution },
    { label: '1', count: shape.one.count, contribution: shape.one.contribution },
    { label: '(missing)', count: shape.missing.count, contribution: shape.missing.contribution },
  ],
  withContributions: (shape, c) => ({
    ...shape,
    zero: { ...shape.zero, contribution: c[0]! },
    one: { ...shape.one, contribution: c[1]! },
    missing: { ...shape.missing, contribution: c[2]! },
  }),
  orderedCells: () => 0,
};
