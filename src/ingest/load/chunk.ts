/**
 * The rows of one write, gathered in memory (a few thousand at a time): records keyed by kind and
 * local id (a later row for the same record wins, as a later extract would), their events,
 * relationships, and the quarantined rows.
 */
import type { CanonicalEvent, CanonicalRecord } from '../canonical-record.ts';
import type { MappedRow } from '../mapping/apply-mapping.ts';
import type { RelationshipKind } from '../mapping-schema.ts';

export interface QuarantineEntry {
  readonly rowNumber: number;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
  readonly raw: string;
}

export interface Chunk {
  readonly records: Map<string, CanonicalRecord>;
  /** The as-of date of each subject record kept (`record.as_of`), where the mapping has one. */
  readonly asOf: Map<string, string>;
  readonly events: { readonly recordKey: string; readonly event: CanonicalEvent }[];
  readonly relationships: { readonly fromKey: string; readonly toKey: string; readonly kind: RelationshipKind }[];
  readonly quarantined: QuarantineEntry[];
  rows: number;
  /** Whether some subject record was given by more than one row of the chunk (else each record's events stand together). */
  repeated: boolean;
}

export const recordKey = (kind: CanonicalRecord['kind'], localId: string): string => `${kind}\u0000${localId}`;

export const emptyChunk = (): Chunk => ({ records: new Map(), asOf: new Map(), events: [], relationships: [], quarantined: [], rows: 0, repeated: false });

/**
 * Adds a mapped row (subject, contacts, events, relationships) to the chunk. A later row for the same
 * record replaces it, unless both have an as-of date and the later row's is older.
 */
export function addMapped(chunk: Chunk, mapped: Extract<MappedRow, { ok: true }>): void {
  const subject = recordKey('subject', mapped.record.localId);
  const held = chunk.asOf.size === 0 ? undefined : chunk.asOf.get(subject);
  if (held === undefined || mapped.asOf === null || mapped.asOf >= held) {
    const size = chunk.records.size;
    chunk.records.set(subject, mapped.record);
    if (chunk.records.size === size) chunk.repeated = true;
    if (mapped.asOf !== null) chunk.asOf.set(subject, mapped.asOf);
  } else {
    chunk.repeated = true;
  }
  for (const contact of mapped.contacts) chunk.records.set(recordKey('contact', contact.localId), contact);
  for (const event of mapped.events) chunk.events.push({ recordKey: subject, event });
  for (const r of mapped.relationships) {
    chunk.relationships.push({ fromKey: recordKey('contact', r.fromLocalId), toKey: recordKey('subject', r.toLocalId), kind: r.kind });
  }
  chunk.rows += 1;
}

/** Adds a quarantined row to the chunk. */
export function addQuarantined(chunk: Chunk, entry: QuarantineEntry): void {
  chunk.quarantined.push(entry);
  chunk.rows += 1;
}
