/**
 * The flattening rule every nested format shares (JSON, XML, FHIR, Parquet structs): see
 * `source-row.ts`. Pure and total: any JSON-like value gives fields and groups, nothing is lost.
 */
import type { FlatRecord } from '../source-row.ts';

/** The key under which an XML element's own text sits next to its attributes and children. */
export const TEXT_KEY = '#text';

export interface Flattened {
  readonly fields: FlatRecord;
  readonly groups: Record<string, FlatRecord[]>;
}

/**
 * Flattens a record: nested objects to dotted keys, arrays of scalars joined by `;` (and each
 * element under its index), arrays of objects under their index and, unless inside another
 * array, also as a repeated group keyed by their dotted path.
 *
 * @example
 * flatten({ name: { given: ['Ann', 'Marie'] }, episodes: [{ type: 'CIN' }] })
 * // fields: { 'name.given': 'Ann;Marie', 'name.given.0': 'Ann', 'name.given.1': 'Marie', 'episodes.0.type': 'CIN' }
 * // groups: { episodes: [{ type: 'CIN' }] }
 */
export function flatten(value: unknown): Flattened {
  const fields: FlatRecord = {};
  const groups: Record<string, FlatRecord[]> = {};
  walk(value, '', fields, groups);
  return { fields, groups };
}

function walk(value: unknown, path: string, out: FlatRecord, groups: Record<string, FlatRecord[]> | null): void {
  if (value === null || value === undefined) {
    if (path) out[path] = null;
  } else if (Array.isArray(value)) {
    walkArray(value, path, out, groups);
  } else if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      walk(child, key === TEXT_KEY ? path : join(path, key), out, groups);
    }
  } else if (path) {
    out[path] = String(value);
  }
}

function walkArray(items: unknown[], path: string, out: FlatRecord, groups: Record<string, FlatRecord[]> | null): void {
  if (items.length === 0) {
    out[path] = null;
    if (groups) groups[path] = [];
    return;
  }
  if (items.every(isScalar)) {
    const present = items.filter((item) => item !== null && item !== undefined);
    out[path] = present.length ? present.map(String).join(';') : null;
    items.forEach((item, index) => walk(item, `${path}.${index}`, out, null));
    return;
  }
  if (groups) groups[path] = items.map(groupElement);
  items.forEach((item, index) => walk(item, `${path}.${index}`, out, null));
}

function groupElement(item: unknown): FlatRecord {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const fields: FlatRecord = {};
    walk(item, '', fields, null);
    return fields;
  }
  return { value: item === null || item === undefined ? null : String(item) };
}

const isScalar = (value: unknown): boolean => value === null || value === undefined || typeof value !== 'object';
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
