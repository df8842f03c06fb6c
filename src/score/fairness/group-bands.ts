/**
 * Groups for an audit from a column's raw values: missing values form the group "(missing)"; a
 * numeric column with more than ten distinct values (an age) is banded at its quartiles, each band
 * labelled by the smallest and largest value in it ("18–24").
 */
import { quantileEdges, binOf, formatNumber } from '../features/numeric-binning.ts';
import { isMissing, parseNumber } from '../table/missing-values.ts';

export const MISSING_GROUP = '(missing)';
const MAX_UNBANDED_VALUES = 10;

export interface GroupAssignment {
  groups: string[];
  banding: { edges: number[]; labels: string[] } | null;
}

/** The group of every row. */
export function assignGroups(values: ReadonlyArray<string | null>, bands = 4): GroupAssignment {
  const present = values.filter((value): value is string => value !== null && !isMissing(value));
  const numbers = present.map(parseNumber);
  const distinct = new Set(present.map((value) => value.trim()));
  if (present.length === 0 || numbers.some((x) => x === null) || distinct.size <= MAX_UNBANDED_VALUES) {
    return { groups: values.map((value) => (value === null || isMissing(value) ? MISSING_GROUP : value.trim())), banding: null };
  }
  const sorted = Float64Array.from(numbers as number[]).sort();
  const edges = quantileEdges(sorted, { maxBins: bands, minCellCount: 1 });
  const min = new Array<number>(edges.length + 1).fill(Infinity);
  const max = new Array<number>(edges.length + 1).fill(-Infinity);
  for (const x of sorted) {
    const band = binOf(edges, x);
    min[band] = Math.min(min[band]!, x);
    max[band] = Math.max(max[band]!, x);
  }
  const labels = min.map((lo, band) => (lo === max[band] ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(max[band]!)}`));
  const groups = values.map((value) => {
    const x = value === null ? null : parseNumber(value);
    return x === null ? MISSING_GROUP : labels[binOf(edges, x)]!;
  });
  return { groups, banding: { edges, labels } };
}
