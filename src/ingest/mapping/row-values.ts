/** Reading values from a row or a group element: blanks are absent; a group may be an array or a single object. */
import type { FlatRecord, SourceRow } from '../source-row.ts';

/** The trimmed value of a column, or null when it is absent or blank. */
export function valueOf(fields: FlatRecord, column: string): string | null {
  const value = fields[column];
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The elements of a repeated group. A group the adapter exposed is used as it is; otherwise the
 * fields under `<name>.` are one element (an XML element or JSON object that occurs once); none: no elements.
 */
export function groupElements(row: SourceRow, name: string): readonly FlatRecord[] {
  const group = row.groups[name];
  if (group) return group;
  const prefix = `${name}.`;
  let element: FlatRecord | null = null;
  for (const key in row.fields) {
    if (key.startsWith(prefix) && row.fields[key] !== null) (element ??= {})[key.slice(prefix.length)] = row.fields[key]!;
  }
  return element ? [element] : [];
}

/** The given columns' values as they were (for provenance), leaving out absent ones. */
export function rawValues(fields: FlatRecord, columns: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < columns.length; i += 1) {
    const value = fields[columns[i]!];
    if (value !== null && value !== undefined && value !== '') raw[columns[i]!] = value;
  }
  return raw;
}

/** A column value's entry in a mapping's value table (exactly, then upper-cased); null when it has none. */
export function lookUp<T>(table: Record<string, T>, value: string): T | null {
  if (Object.hasOwn(table, value)) return table[value]!;
  const upper = value.toUpperCase();
  return Object.hasOwn(table, upper) ? table[upper]! : null;
}
