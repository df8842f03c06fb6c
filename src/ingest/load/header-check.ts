/** A header (CSV) or schema (Parquet) must hold every column of the row the mapping reads. */
import { IngestFileError } from '../core/file-error.ts';
import type { Mapping } from '../mapping-schema.ts';
import { mappingColumns } from '../mapping/mapping-columns.ts';

/** Throws when the file's columns lack any the mapping reads (a struct column `a` holds `a.b`). */
export function assertHeaderHolds(path: string, mapping: Mapping, header: readonly string[]): void {
  const present = new Set(header);
  const holds = (column: string): boolean => {
    if (present.has(column)) return true;
    for (let at = column.indexOf('.'); at > 0; at = column.indexOf('.', at + 1)) if (present.has(column.slice(0, at))) return true;
    return false;
  };
  const missing = [...mappingColumns(mapping).record].filter((column) => !holds(column));
  if (missing.length > 0) {
    throw new IngestFileError('INGEST_MISSING_COLUMNS', path,
      `the header lacks ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `"${c}"`).join(', ')} that the ${mapping.dataset} mapping reads; check that this is a ${mapping.dataset} extract, or correct the mapping`,
      mapping.format === 'csv' ? { line: 1 } : {});
  }
}
