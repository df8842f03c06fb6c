/**
 * Writes one chunk with a handful of set-based statements: the chunk's records and events are
 * COPYed (text format) into temporary staging tables, then records are upserted from there by
 * (dataset, kind, local id) and events added unless already held (same record, code, date and
 * value; health events sealed first); relationships and quarantined rows (few) are added from
 * arrays (`INSERT … SELECT FROM unnest(…)`). COPY spares both sides the per-value work of array
 * parameters (node-postgres's array literals, PGlite's protocol encoding, the server's array parsing).
 */
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { SqlClient } from '../../store/index.ts';
import type { CanonicalRecord } from '../canonical-record.ts';
import type { AS_OF_FORMATS } from '../mapping-schema.ts';
import type { Chunk } from './chunk.ts';
import { recordKey } from './chunk.ts';
import { copyField, copyJson } from './copy-text.ts';
import { storedEventFields } from './seal-events.ts';

export interface BatchContext {
  readonly datasetId: string;
  readonly agencyId: string;
  readonly batchId: number;
  /** Seals special category events; null when the mapping gives none. */
  readonly specialCategoryKey: SpecialCategoryKey | null;
  /** The mapping's `record.as_of`, when it has one. */
  readonly asOf?: { readonly column: string; readonly format: AsOfFormat };
}

const IDENTIFIER_COLUMNS = [
  ['given_name', 'givenName', 'text'], ['middle_names', 'middleNames', 'text'], ['family_name', 'familyName', 'text'],
  ['former_family_names', 'formerFamilyNames', 'jsonb'], ['dob', 'dob', 'date'], ['sex', 'sex', 'text'],
  ['postcode', 'postcode', 'text'], ['address', 'address', 'text'], ['locality', 'locality', 'text'],
  ['region', 'region', 'text'], ['nhs_number', 'nhsNumber', 'text'], ['upn', 'upn', 'text'],
  ['ni_number', 'niNumber', 'text'], ['pnc_id', 'pncId', 'text'], ['email', 'email', 'text'], ['phone', 'phone', 'text'],
] as const;

const RECORD_COLUMNS = ['local_id', 'kind', 'row_number', ...IDENTIFIER_COLUMNS.map(([c]) => c), 'extra_ids', 'attributes', 'raw'];
const RECORD_TYPES = ['text', 'text', 'int', ...IDENTIFIER_COLUMNS.map(([, , t]) => t), 'jsonb', 'jsonb', 'jsonb'];

const EVENT_COLUMNS = ['record_id', 'code', 'occurred_on', 'value', 'detail', 'special'];
const EVENT_TYPES = ['bigint', 'text', 'date', 'text', 'jsonb', 'boolean'];

const STAGE_RECORDS = 'ingest_stage_records';
const STAGE_EVENTS = 'ingest_stage_events';

/**
 * Creates the staging tables of one load: temporary (not logged, private to the transaction's
 * connection) and dropped at its end, so a crash leaves nothing behind. Call once per transaction
 * before the first `writeChunk`.
 */
export async function createStaging(tx: SqlClient): Promise<void> {
  const columns = (names: string[], types: string[]): string => names.map((c, i) => `${c} ${types[i]}`).join(', ');
  await tx.exec(`
    CREATE TEMP TABLE ${STAGE_RECORDS} (${columns(RECORD_COLUMNS, RECORD_TYPES)}) ON COMMIT DROP;
    CREATE TEMP TABLE ${STAGE_EVENTS} (${columns(EVENT_COLUMNS, EVENT_TYPES)}) ON COMMIT DROP;`);
}

const UPDATED = RECORD_COLUMNS.filter((c) => c !== 'local_id' && c !== 'kind');

/**
 * Records upserted by (dataset, kind, local id). With an as-of column, a held record's values are
 * replaced only when the new row is at least as recent (`to_date` of the column in both raw values,
 * `$N` the column and `$N+1` its pattern); a held record without one is always replaced, a new row
 * without one never replaces a dated record. Either way every row's id is returned.
 */
function upsertRecordsSql(asOf: boolean): string {
  const n = 4;
  const dateOf = (row: string): string => `to_date(left(btrim(${row}.raw ->> $${n}::text), 10), $${n + 1}::text)`;
  const newer = `(source_records.raw ->> $${n}::text IS NULL OR (EXCLUDED.raw ->> $${n}::text IS NOT NULL AND ${dateOf('source_records')} <= ${dateOf('EXCLUDED')}))`;
  const set = (c: string, value: string): string => (asOf ? `${c} = CASE WHEN ${newer} THEN ${value} ELSE source_records.${c} END` : `${c} = ${value}`);
  return `
  INSERT INTO source_records (dataset_id, agency_id, batch_id, ${RECORD_COLUMNS.join(', ')})
  SELECT $1, $2, $3, ${RECORD_COLUMNS.join(', ')} FROM ${STAGE_RECORDS}
  ON CONFLICT (dataset_id, kind, local_id) DO UPDATE SET
    ${[set('batch_id', 'EXCLUDED.batch_id'), ...UPDATED.map((c) => set(c, `EXCLUDED.${c}`)), set('loaded_at', 'now()')].join(',\n    ')}
  RETURNING id, kind, local_id`;
}

const UPSERT_RECORDS = upsertRecordsSql(false);
const UPSERT_RECORDS_AS_OF = upsertRecordsSql(true);

/** The PostgreSQL `to_date` pattern of each as-of format (ISO: its first ten characters). */
const AS_OF_PATTERNS: Record<AsOfFormat, string> = {
  'YYYY-MM-DD': 'YYYY-MM-DD', 'DD/MM/YYYY': 'DD/MM/YYYY', YYYYMMDD: 'YYYYMMDD', 'DD-MM-YYYY': 'DD-MM-YYYY',
  'MM/DD/YYYY': 'MM/DD/YYYY', ISO: 'YYYY-MM-DD',
};

/*
 * An event is new unless its record already has one with the same code, date and value (NULL
 * value included: `events_once` is NULLS NOT DISTINCT), so the unique index alone de-duplicates.
 */
const INSERT_EVENTS = `
  WITH added AS (
    INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, value, detail, special_category)
    SELECT record_id, $1, $2, code, occurred_on, value, detail, special FROM ${STAGE_EVENTS}
    ON CONFLICT DO NOTHING
    RETURNING 1)
  SELECT count(*)::int AS n FROM added`;

const INSERT_RELATIONSHIPS = `
  INSERT INTO relationships (dataset_id, batch_id, from_record_id, to_record_id, kind)
  SELECT $1, $2, u.* FROM unnest($3::bigint[], $4::bigint[], $5::text[]) AS u
  ON CONFLICT DO NOTHING`;

const INSERT_QUARANTINE = `
  INSERT INTO quarantined_rows (batch_id, dataset_id, row_number, "column", code, message, raw)
  SELECT $1, $2, u.* FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u`;

type AsOfFormat = (typeof AS_OF_FORMATS)[number];

/** Writes the chunk (after `createStaging` in the same transaction); returns how many events were new. */
export async function writeChunk(sql: SqlClient, batch: BatchContext, chunk: Chunk): Promise<{ eventsAdded: number }> {
  if (!sql.copyIn) throw new Error('writeChunk needs a store client that can COPY (the store\'s own transaction client)');
  if (chunk.records.size || chunk.events.length) await sql.exec(`TRUNCATE ${STAGE_RECORDS}, ${STAGE_EVENTS}`);
  const ids = chunk.records.size ? await upsertRecords(sql, batch, chunk.records) : new Map<string, string>();
  let eventsAdded = 0;
  if (chunk.events.length) {
    const seen = new Set<string>();
    let text = '';
    for (const { recordKey: key, event } of chunk.events) {
      const id = ids.get(key)!;
      const once = `${id}\u0000${event.code}\u0000${event.occurredOn}\u0000${event.value ?? '\u0001'}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const stored = storedEventFields(event, batch.specialCategoryKey);
      // occurredOn is an ISO date from parseDate: nothing to escape
      text += `${id}\t${copyField(event.code)}\t${event.occurredOn}\t${copyField(stored.value)}\t${copyJson(stored.detail)}\t${event.specialCategory ? 't' : 'f'}\n`;
    }
    await sql.copyIn!(`${STAGE_EVENTS} (${EVENT_COLUMNS.join(', ')})`, text);
    const [row] = await sql.query<{ n: number }>(INSERT_EVENTS, [batch.datasetId, batch.batchId]);
    eventsAdded = row?.n ?? 0;
  }
  if (chunk.relationships.length) {
    const from = chunk.relationships.map((r) => ids.get(r.fromKey)!);
    const to = chunk.relationships.map((r) => ids.get(r.toKey)!);
    await sql.query(INSERT_RELATIONSHIPS, [batch.datasetId, batch.batchId, from, to, chunk.relationships.map((r) => r.kind)]);
  }
  if (chunk.quarantined.length) {
    const q = chunk.quarantined;
    await sql.query(INSERT_QUARANTINE, [
      batch.batchId, batch.datasetId, q.map((e) => e.rowNumber), q.map((e) => e.column), q.map((e) => e.code),
      q.map((e) => e.message), q.map((e) => e.raw),
    ]);
  }
  return { eventsAdded };
}

async function upsertRecords(sql: SqlClient, batch: BatchContext, records: Chunk['records']): Promise<Map<string, string>> {
  let text = '';
  for (const record of records.values()) {
    const ids = record.identifiers as Record<string, unknown>;
    text += `${copyField(record.localId)}\t${record.kind}\t${record.rowNumber}`;
    for (const [, key, type] of IDENTIFIER_COLUMNS) text += `\t${type === 'jsonb' ? copyJson(ids[key]) : copyField(ids[key])}`;
    text += `\t${copyJson(record.extraIds)}\t${copyJson(record.attributes)}\t${copyJson(record.raw)}\n`;
  }
  await sql.copyIn!(`${STAGE_RECORDS} (${RECORD_COLUMNS.join(', ')})`, text);
  const rows = await sql.query<{ id: string | number; kind: CanonicalRecord['kind']; local_id: string }>(
    batch.asOf ? UPSERT_RECORDS_AS_OF : UPSERT_RECORDS,
    [batch.datasetId, batch.agencyId, batch.batchId, ...(batch.asOf ? [batch.asOf.column, AS_OF_PATTERNS[batch.asOf.format]] : [])],
  );
  return new Map(rows.map((r) => [recordKey(r.kind, r.local_id), String(r.id)]));
}
