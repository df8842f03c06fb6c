/**
 * The one shape every adapter yields: a flat record of named values, plus repeated groups.
 *
 * Flattening rule shared by the nested formats (JSON, XML, FHIR):
 * - nested objects become dotted keys: `{ address: { postcode: 'AB1 2CD' } }` → `address.postcode`;
 * - arrays of scalars become one value joined by `;`;
 * - arrays of objects are also flattened with their index (`episodes.0.type`) AND, at the top level
 *   of a record, exposed as a repeated group: `groups.episodes = [{ type: … }, …]` (each element
 *   flattened by the same rule), so a mapping can emit one event per element (`each: episodes`);
 * - XML attributes are keys prefixed with `@` (`child.@id`); element text is the element's key.
 */
export type Scalar = string | null;
export type FlatRecord = Record<string, Scalar>;

export interface SourceRow {
  /** 1-based position of the record in the file (line for CSV/fixed-width, element for others). */
  readonly rowNumber: number;
  readonly fields: FlatRecord;
  readonly groups: Record<string, FlatRecord[]>;
  /** The record as it appeared in the file (for quarantine), truncated to a few kilobytes. */
  readonly raw: string;
}

/** A row an adapter could not even parse: it is quarantined with this reason. */
export interface UnparseableRow {
  readonly rowNumber: number;
  readonly error: { code: string; message: string; column?: string };
  readonly raw: string;
}

export type AdapterItem = ({ ok: true } & SourceRow) | ({ ok: false } & UnparseableRow);
