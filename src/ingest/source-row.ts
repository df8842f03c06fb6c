/**
 * The one shape every adapter yields: a flat record of named values, plus repeated groups.
 *
 * Flattening rule shared by the nested formats (JSON, XML, FHIR, Parquet structs), in
 * `core/flatten.ts`:
 * - nested objects become dotted keys: `{ address: { postcode: 'AB1 2CD' } }` → `address.postcode`;
 * - arrays of scalars become one value joined by `;`, and each element is also kept under its
 *   index: `{ given: ['Ann', 'Marie'] }` → `given` = `Ann;Marie`, `given.0` = `Ann`, `given.1` = `Marie`;
 * - arrays of objects are flattened with their index (`episodes.0.type`) AND, unless they sit inside
 *   another array, exposed as a repeated group keyed by their dotted path:
 *   `groups.episodes = [{ type: … }, …]` (each element flattened by the same rule), so a mapping can
 *   emit one event per element (`each: episodes`); an empty array is an empty group;
 * - a group named in a mapping but absent from `groups` is read from the fields under its prefix as a
 *   group of one (an XML element or JSON object that occurs once rather than as a list);
 * - XML attributes are keys prefixed with `@` (`child.@id`); an element's own text is the element's
 *   key; repeated child elements are arrays;
 * - FHIR: `fields` is the Patient, and `groups` also holds the resources that refer to it, keyed by
 *   resource type (`EpisodeOfCare`, `Encounter`, `Condition`, …).
 * Flat formats (CSV, fixed-width) have no groups. Values are strings as written (blank is `''` in
 * CSV and fixed-width), or null where the source has a null.
 */
export type Scalar = string | null;
export type FlatRecord = Record<string, Scalar>;

export interface SourceRow {
  /** 1-based position of the record in the file (line for CSV/fixed-width, element for others). */
  readonly rowNumber: number;
  readonly fields: FlatRecord;
  readonly groups: Record<string, FlatRecord[]>;
  /**
   * The record as it appeared in the file, truncated to a few kilobytes, for diagnostics. It may
   * hold columns outside the agreement, so the loader never stores it for a parsed row.
   */
  readonly raw: string;
}

/** A row an adapter could not even parse: it is quarantined with this reason. */
export interface UnparseableRow {
  readonly rowNumber: number;
  readonly error: { code: string; message: string; column?: string };
  readonly raw: string;
}

export type AdapterItem = ({ ok: true } & SourceRow) | ({ ok: false } & UnparseableRow);
