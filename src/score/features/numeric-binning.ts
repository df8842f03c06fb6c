/**
 * Numeric features: quantile bins learned from the training values, plus a bin for missing values.
 * A value `x` falls in the first bin j with `x ≤ edges[j]`, or the last bin; values outside the
 * training range fall in the end bins (the shape is flat beyond the data).
 */
import type { ShapeOf } from '../model/model-schema.ts';
import type { ColumnOf } from './feature-column.ts';
import type { FeatureHandler, LearnSettings } from './feature-handler.ts';

type Shape = ShapeOf<'numeric'>;

/** Cut points for at most `maxBins` bins of at least about `minCellCount` values each. */
export function quantileEdges(sorted: Float64Array, settings: Pick<LearnSettings, 'maxBins' | 'minCellCount'>): number[] {
  const m = sorted.length;
  if (m === 0) return [];
  const target = Math.max(1, Math.min(settings.maxBins, Math.floor(m / settings.minCellCount)));
  const distinct: number[] = [];
  for (let i = 0; i < m && distinct.length <= target; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  }
  if (distinct.length <= target) {
    return distinct.slice(1).map((value, j) => (distinct[j]! + value) / 2);
  }
  const max = sorted[m - 1]!;
  const edges: number[] = [];
  for (let q = 1; q < target; q++) {
    const edge = sorted[Math.ceil((q * m) / target) - 1]!;
    if (edge < max && (edges.length === 0 || edge > edges[edges.length - 1]!)) edges.push(edge);
  }
  return edges;
}

/** The bin of `x` (binary search over the edges); `edges.length + 1` for missing (NaN). */
export function binOf(edges: readonly number[], x: number): number {
  if (Number.isNaN(x)) return edges.length + 1;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function learn(column: ColumnOf<'numeric'>, rows: Int32Array, settings: LearnSettings): Shape {
  const values = rows.length === column.values.length ? column.values : Float64Array.from(rows, (i) => column.values[i]!);
  const sorted = values.filter((x) => !Number.isNaN(x)).sort();
  const edges = quantileEdges(sorted, settings);
  const bins = Array.from({ length: edges.length + 1 }, () => ({ count: 0, contribution: 0, min: Infinity, max: -Infinity }));
  let j = 0;
  for (const x of sorted) {
    while (j < edges.length && x > edges[j]!) j++;
    const bin = bins[j]!;
    if (bin.count === 0) bin.min = x;
    bin.max = x;
    bin.count++;
  }
  for (const bin of bins) if (bin.count === 0) { bin.min = 0; bin.max = 0; }
  const missing = { count: rows.length - sorted.length, contribution: 0 };
  return { kind: 'numeric', name: column.name, edges, monotone: 'none', bins, missing };
}

function encode(shape: Shape, column: ColumnOf<'numeric'>): Int32Array {
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = binOf(shape.edges, column.values[i]!);
  return codes;
}

function label(bin: Shape['bins'][number], index: number): string {
  if (bin.count === 0) return `bin ${index + 1}`;
  return bin.min === bin.max ? formatNumber(bin.min) : `${formatNumber(bin.min)}–${formatNumber(bin.max)}`;
}

/** A number as people read it in a card: up to 4 significant digits. */
export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

export const numericHandler: FeatureHandler<'numeric'> = {
  learn,
  encode,
  cells: (shape) => [
    ...shape.bins.map((bin, j) => ({ label: label(bin, j), count: bin.count, contribution: bin.contribution })),
    { label: '(missing)', count: shape.missing.count, contribution: shape.missing.contribution },
  ],
  withContributions: (shape, contributions) => ({
    ...shape,
    bins: shape.bins.map((bin, j) => ({ ...bin, contribution: contributions[j]! })),
    missing: { ...shape.missing, contribution: contributions[shape.bins.length]! },
  }),
  orderedCells: (shape) => shape.bins.length,
};
