/**
 * Typed feature columns from CSV text: numbers for numeric and 0/1 features (missing → NaN),
 * trimmed text for categorical ones (missing → null). A cell of a numeric feature that is not a
 * number is counted and treated as missing, so that every row still gets a score.
 */
import type { FeatureColumn } from '../features/feature-column.ts';
import type { FeatureKind } from '../model/model-schema.ts';
import { columnCells, type CsvTable } from './csv-table.ts';
import { isMissing, parseNumber } from './missing-values.ts';

export interface ConvertedColumns {
  columns: FeatureColumn[];
  /** Per feature with non-numeric text in a numeric column: how many cells were treated as missing. */
  unreadable: Array<{ name: string; cells: number }>;
}

/** Converts the named columns to typed features, restricted to `rows` when given. */
export function featureColumns(table: CsvTable, features: ReadonlyArray<{ name: string; kind: FeatureKind }>, rows?: Int32Array): ConvertedColumns {
  const unreadable: ConvertedColumns['unreadable'] = [];
  const columns = features.map(({ name, kind }): FeatureColumn => {
    const all = columnCells(table, name, `a feature of the model`);
    const cells = rows ? Array.from(rows, (i) => all[i]!) : all;
    if (kind === 'categorical') return { kind, name, values: cells.map((cell) => (isMissing(cell) ? null : cell.trim())) };
    let bad = 0;
    const values = Float64Array.from(cells, (cell) => {
      if (isMissing(cell)) return NaN;
      const x = parseNumber(cell);
      if (x === null) bad++;
      return x ?? NaN;
    });
    if (bad > 0) unreadable.push({ name, cells: bad });
    return { kind, name, values };
  });
  return { columns, unreadable };
}

/** The subset of a typed column at `rows`. */
export function subsetColumn(column: FeatureColumn, rows: Int32Array): FeatureColumn {
  return column.kind === 'categorical'
    ? { ...column, values: Array.from(rows, (i) => column.values[i]!) }
    : { ...column, values: Float64Array.from(rows, (i) => column.values[i]!) };
}
