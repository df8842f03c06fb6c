/**
 * Writes one chunk. A chunk whose records are all new to the dataset (`fresh-keys.ts`) and whose
 * record ids were drawn ahead (`record-ids.ts`) is written **directly**: its records, events and
 * relationships are COPYed (binary format, `copy-binary.ts`) straight into their tables, ids and all — no staging, no
 * join, no conflict check, nothing coming back. Any other chunk is **staged**: COPYed into temporary
 * staging tables, then one statement writes them all — records upserted by (dataset, kind, local id),
 * events added unless already held (same record, code, date and value) and relationships added
 * unless held, both joined to their records' ids by local id inside the statement. Health events are
 * sealed first either way; the quarantined rows (few) are added from arrays (`INSERT … SELECT FROM
 * unnest(…)`). COPY spares both sides the per-value work of array parameters (node-postgres's array
 * literals, PGlite's protocol encoding, the server's array parsing), and its binary format the
 * escaping of text and the server's parsing of dates and numbers. */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { SqlClient } from '../../store/index.ts';
import type { CanonicalRecord } from '../canonical-record.ts';
import type { AS_OF_FORMATS } from '../mapping-schema.ts';
import type { Chunk } from './chunk.ts';
import { CopyBinaryRows, encodeFields } from './copy-binary.ts';
import type { WriteMode } from './fresh-keys.ts';
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

const RECORD_TYPES = ['text', 'text', 'int', ...IDENTIFIER_COLUMNS.map(([, , t]) => t), 'jsonb', 'jsonb', 'json'];

/**
 * A record's identifiers as COPY fields, in the order and types of IDENTIFIER_COLUMNS (written out:
 * each is then a plain property read, where a loop over the names reads by key; a test holds the two together).
 */
export function identifierFields(out: CopyBinaryRows, i: CanonicalRecord['identifiers']): void {
  out.text(i.givenName).text(i.middleNames).text(i.familyName).jsonb(i.formerFamilyNames).date(i.dob).text(i.sex)
    .text(i.postcode).text(i.address).text(i.locality).text(i.region).text(i.nhsNumber).text(i.upn)
    .text(i.niNumber).text(i.pncId).text(i.email).text(i.phone);
}

/** The identifier columns' types, in the same order, for the test of `identifierFields`. */
export const IDENTIFIER_TYPES = IDENTIFIER_COLUMNS.map(([, , type]) => type);

/** The identifier columns in their COPY order, for the test of `identifierFields`. */
export const IDENTIFIER_KEYS = IDENTIFIER_COLUMNS.map(([, key]) => key);

/** Events are staged with their subject record's local id; the write joins them to the records' ids. */
const EVENT_COLUMNS = ['local_id', 'code', 'occurred_on', 'value', 'detail', 'special'];
const EVENT_TYPES = ['text', 'text', 'date', 'text', 'jsonb', 'boolean'];

const STAGE_RECORDS = 'ingest_stage_records';
const STAGE_EVENTS = 'ingest_stage_events';
const STAGE_RELATIONSHIPS = 'ingest_stage_relationships';

/** Relationships are staged with both records' kinds and local ids; the write joins them to the records' ids. */
const RELATIONSHIP_COLUMNS = ['from_kind', 'from_local_id', 'to_kind', 'to_local_id', 'kind'];

/**
 * Creates the staging tables of one load: temporary (not logged, private to the transaction's
 * connection) and dropped at its end, so a crash leaves nothing behind. Call once per transaction
 * before the first `writePrepared`.
 */
export async function createStaging(tx: SqlClient): Promise<void> {
  const columns = (names: string[], types: string[]): string => names.map((c, i) => `${c} ${types[i]}`).join(', ');
  await tx.exec(`
    CREATE TEMP TABLE ${STAGE_RECORDS} (${columns(RECORD_COLUMNS, RECORD_TYPES)}) ON COMMIT DROP;
    CREATE TEMP TABLE ${STAGE_EVENTS} (${columns(EVENT_COLUMNS, EVENT_TYPES)}) ON COMMIT DROP;
    CREATE TEMP TABLE ${STAGE_RELATIONSHIPS} (${columns(RELATIONSHIP_COLUMNS, RELATIONSHIP_COLUMNS.map(() => 'text'))}) ON COMMIT DROP;`);
}

const UPDATED = RECORD_COLUMNS.filter((c) => c !== 'local_id' && c !== 'kind');

/**
 * Records then events, in one statement (`$1` dataset, `$2` agency, `$3` batch). `upsert`: records
 * upserted by (dataset, kind, local id) — with an as-of column, a held record's values are replaced
 * only when the new row is at least as recent (`to_date` of the column in both raw values, `$4` the
 * column and `$5` its pattern); a held record without one is always replaced, a new row without one
 * never replaces a dated record — and events added `ON CONFLICT DO NOTHING` (`events_once`). `insert`
 * (every record new to the dataset, so none of their events can be held): plain INSERTs. Either way
 * every record's id is returned into the statement and the events take theirs by local id; the
 * statement gives the number of new events.
 */
function writeSql(mode: WriteMode, asOf: boolean): string {
  const n = 4;
  const dateOf = (row: string): string => `to_date(left(btrim(${row}.raw ->> $${n}::text), 10), $${n + 1}::text)`;
  const newer = `(source_records.raw ->> $${n}::text IS NULL OR (EXCLUDED.raw ->> $${n}::text IS NOT NULL AND ${dateOf('source_records')} <= ${dateOf('EXCLUDED')}))`;
  const set = (c: string, value: string): string => (asOf ? `${c} = CASE WHEN ${newer} THEN ${value} ELSE source_records.${c} END` : `${c} = ${value}`);
  const onConflict = mode === 'insert' ? '' : `
    ON CONFLICT (dataset_id, kind, local_id) DO UPDATE SET
      ${[set('batch_id', 'EXCLUDED.batch_id'), ...UPDATED.map((c) => set(c, `EXCLUDED.${c}`)), set('loaded_at', 'now()')].join(',\n      ')}`;
  return `
  WITH records AS (
    INSERT INTO source_records (dataset_id, agency_id, batch_id, ${RECORD_COLUMNS.join(', ')})
    SELECT $1, $2, $3, ${RECORD_COLUMNS.join(', ')} FROM ${STAGE_RECORDS}${onConflict}
    RETURNING id, kind, local_id),
  added AS (
    INSERT INTO events (source_record_id, dataset_id, batch_id, code, occurred_on, value, detail, special_category)
    SELECT r.id, $1, $3, e.code, e.occurred_on, e.value, e.detail, e.special
    FROM ${STAGE_EVENTS} e JOIN records r ON r.kind = 'subject' AND r.local_id = e.local_id${mode === 'insert' ? '' : `
    ON CONFLICT DO NOTHING`}
    RETURNING 1),
  related AS (
    INSERT INTO relationships (dataset_id, batch_id, from_record_id, to_record_id, kind)
    SELECT $1, $3, f.id, t.id, s.kind
    FROM ${STAGE_RELATIONSHIPS} s
    JOIN records f ON f.kind = s.from_kind AND f.local_id = s.from_local_id
    JOIN records t ON t.kind = s.to_kind AND t.local_id = s.to_local_id
    ON CONFLICT DO NOTHING)
  SELECT count(*)::int AS n FROM added`;
}

const INSERT_SQL = writeSql('insert', false);
const UPSERT_SQL = writeSql('upsert', false);
const UPSERT_AS_OF_SQL = writeSql('upsert', true);

/** The PostgreSQL `to_date` pattern of each as-of format (ISO: its first ten characters). */
const AS_OF_PATTERNS: Record<AsOfFormat, string> = {
  'YYYY-MM-DD': 'YYYY-MM-DD', 'DD/MM/YYYY': 'DD/MM/YYYY', YYYYMMDD: 'YYYYMMDD', 'DD-MM-YYYY': 'DD-MM-YYYY',
  'MM/DD/YYYY': 'MM/DD/YYYY', ISO: 'YYYY-MM-DD',
};

const INSERT_QUARANTINE = `
  INSERT INTO quarantined_rows (batch_id, dataset_id, row_number, "column", code, message, raw)
  SELECT $1, $2, u.* FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u`;

type AsOfFormat = (typeof AS_OF_FORMATS)[number];

/** A chunk ready to send: records, events and relationships as binary COPY streams, quarantined rows as column arrays. */
export interface PreparedChunk {
  /** `direct`: the streams hold the tables' own rows, ids included; otherwise the staging tables' rows, written with `mode`. */
  readonly direct: boolean;
  readonly mode: WriteMode;
  readonly records: Buffer;
  readonly events: Buffer;
  readonly relationships: Buffer;
  /** How many event rows the stream holds (all of them new when `direct`). */
  readonly eventRows: number;
  readonly quarantined: unknown[] | null;
  /** Called once the chunk is written, when its streams' memory can be reused (a worker thread's chunks: `chunk-thread.ts`). */
  readonly release?: () => void;
}

const NOTHING = Buffer.alloc(0);


/** A COPY target: the table with its columns, and so the number of fields each of its rows gives. */
interface CopyTarget { readonly sql: string; readonly fields: number }
const copyTarget = (table: string, columns: readonly string[]): CopyTarget => ({ sql: `${table} (${columns.join(', ')})`, fields: columns.length });

/** The COPY targets of each write: the tables themselves (direct), or the staging tables. */
const DIRECT_RECORDS = copyTarget('source_records', ['id', 'dataset_id', 'agency_id', 'batch_id', ...RECORD_COLUMNS]);
const DIRECT_EVENTS = copyTarget('events', ['source_record_id', 'dataset_id', 'batch_id', 'code', 'occurred_on', 'value', 'detail', 'special_category']);
const DIRECT_RELATIONSHIPS = copyTarget('relationships', ['dataset_id', 'batch_id', 'from_record_id', 'to_record_id', 'kind']);
const STAGED_RECORDS = copyTarget(STAGE_RECORDS, RECORD_COLUMNS);
const STAGED_EVENTS = copyTarget(STAGE_EVENTS, EVENT_COLUMNS);
const STAGED_RELATIONSHIPS = copyTarget(STAGE_RELATIONSHIPS, RELATIONSHIP_COLUMNS);

/** Each write's targets in the order of its COPYs, records first: the staged write joins the others to them, and a direct write's events name them. */
const DIRECT_TARGETS = [DIRECT_RECORDS, DIRECT_EVENTS, DIRECT_RELATIONSHIPS] as const;
const STAGED_TARGETS = [STAGED_RECORDS, STAGED_EVENTS, STAGED_RELATIONSHIPS] as const;

/** What a direct write adds to rows: each record's id (from the first drawn for the chunk) and the batch's columns, encoded once. */
interface DirectIds {
  readonly firstId: number;
  /** Each record's id, as `recordRows` assigns them. */
  readonly ids: Map<string, number>;
  /** Dataset, agency and batch, for a record row. */
  readonly recordColumns: Buffer;
  /** Dataset and batch, for an event or a relationship row. */
  readonly rowColumns: Buffer;
}

function directIds(batch: BatchContext, firstId: number): DirectIds {
  return {
    firstId, ids: new Map(),
    recordColumns: encodeFields((out) => out.text(batch.datasetId).text(batch.agencyId).int8(batch.batchId)),
    rowColumns: encodeFields((out) => out.text(batch.datasetId).int8(batch.batchId)),
  };
}

/**
 * Turns a chunk into what `writePrepared` sends (health events sealed here), in Node alone: the loader
 * prepares the next chunk while the store still writes the previous one. With `mode` `insert` and
 * `firstId` (the first of `chunk.records.size` ids drawn for it, `record-ids.ts`) the chunk is
 * prepared for the direct write; otherwise for the staged one.
 */
export function prepareChunk(chunk: Chunk, batch: BatchContext, mode: WriteMode = 'upsert', firstId: number | null = null): PreparedChunk {
  const steps = preparing(chunk, batch, mode, firstId);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `prepareChunk`, letting the event loop turn after every `SLICE` rows: a chunk takes tens of
 * milliseconds to prepare, and meanwhile the store's replies to the previous chunk's writes (each
 * COPY waits for one before the next is sent) would wait, and the server with them.
 */
export async function prepareChunkInTurns(chunk: Chunk, batch: BatchContext, mode: WriteMode, firstId: number | null): Promise<PreparedChunk> {
  const steps = preparing(chunk, batch, mode, firstId);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** Rows prepared between two turns of the event loop (`prepareChunkInTurns`). */
const SLICE = 1000;

/** The preparation of a chunk, pausing after every `SLICE` rows. */
function* preparing(chunk: Chunk, batch: BatchContext, mode: WriteMode, firstId: number | null): Generator<void, PreparedChunk> {
  const q = chunk.quarantined;
  const direct = mode === 'insert' && firstId !== null ? directIds(batch, firstId) : null;
  const some = chunk.records.size > 0;
  // records first: the direct write's events and relationships take the ids assigned there
  const records = some ? yield* recordRows(chunk.records, direct) : NOTHING;
  const events = some ? yield* eventRows(chunk, batch.specialCategoryKey, direct) : { rows: NOTHING, count: 0 };
  return {
    direct: direct !== null, mode, records, events: events.rows, eventRows: events.count,
    relationships: some ? relationshipRows(chunk.relationships, direct) : NOTHING,
    quarantined: q.length ? [q.map((e) => e.rowNumber), q.map((e) => e.column), q.map((e) => e.code), q.map((e) => e.message), q.map((e) => e.raw)] : null,
  };
}

/**
 * Writes a prepared chunk (after `createStaging` in the same transaction, which the staged write
 * leaves empty again); returns how many events were new.
 */
export async function writePrepared(sql: SqlClient, batch: BatchContext, chunk: PreparedChunk): Promise<{ eventsAdded: number }> {
  if (!sql.copyIn) throw new Error('writePrepared needs a store client that can COPY (the store\'s own transaction client)');
  let eventsAdded = 0;
  if (chunk.records.length > 0) {
    const [records, events, relationships] = chunk.direct ? DIRECT_TARGETS : STAGED_TARGETS;
    await sql.copyIn([
      { target: records.sql, rows: chunk.records }, { target: events.sql, rows: chunk.events },
      { target: relationships.sql, rows: chunk.relationships }]);
    eventsAdded = chunk.direct ? chunk.eventRows : await writeStaged(sql, batch, chunk.mode);
  }
  if (chunk.quarantined) await sql.query(INSERT_QUARANTINE, [batch.batchId, batch.datasetId, ...chunk.quarantined]);
  return { eventsAdded };
}

/** Writes the staged rows into the tables in one statement and empties the staging tables; returns how many events were new. */
async function writeStaged(sql: SqlClient, batch: BatchContext, mode: WriteMode): Promise<number> {
  const params: unknown[] = [batch.datasetId, batch.agencyId, batch.batchId];
  // new records replace nothing: the as-of comparison is the upsert's only
  const asOf = mode === 'upsert' ? batch.asOf : undefined;
  if (asOf) params.push(asOf.column, AS_OF_PATTERNS[asOf.format]);
  const [row] = await sql.query<{ n: number }>(mode === 'insert' ? INSERT_SQL : asOf ? UPSERT_AS_OF_SQL : UPSERT_SQL, params);
  await sql.exec(`TRUNCATE ${STAGE_RECORDS}, ${STAGE_EVENTS}, ${STAGE_RELATIONSHIPS}`);
  return row?.n ?? 0;
}

/** The records as binary COPY rows; for the direct write each led by its id (noted in `direct.ids`) and the batch's columns. */
function* recordRows(records: Chunk['records'], direct: DirectIds | null): Generator<void, Buffer> {
  const out = new CopyBinaryRows();
  for (const [key, record] of records) {
    if (out.rows > 0 && out.rows % SLICE === 0) yield;
    if (direct) {
      // the records' ids follow their order in the chunk
      const id = direct.firstId + out.rows;
      direct.ids.set(key, id);
      out.row(DIRECT_RECORDS.fields).int8(id).encoded(direct.recordColumns);
    } else {
      out.row(STAGED_RECORDS.fields);
    }
    out.text(record.localId).text(record.kind).int4(record.rowNumber);
    identifierFields(out, record.identifiers);
    out.jsonb(record.extraIds).jsonb(record.attributes).json(record.raw);
  }
  return out.take();
}

/**
 * The events as binary COPY rows (sealed where special category), each once per record, code, date
 * and value: for the staged write led by the record's local id, for the direct one by its id and the
 * batch's columns. Where no record of the chunk was given by two rows (`chunk.repeated`), each
 * record's events stand together (those of its one row), and a repeat is looked for among them
 * alone; otherwise across the chunk.
 */
function* eventRows(chunk: Chunk, key: SpecialCategoryKey | null, direct: DirectIds | null): Generator<void, { rows: Buffer; count: number }> {
  const out = new CopyBinaryRows();
  const { events } = chunk;
  const seen = chunk.repeated ? new Set<string>() : null;
  let count = 0;
  let run = 0;
  for (let at = 0; at < events.length; at += 1) {
    // counted by events read, not written: a repeat, left out, must not pause again at the same count
    if ((at + 1) % SLICE === 0) yield;
    const { recordKey, event } = events[at]!;
    if (seen) {
      const once = `${recordKey}\u0000${event.code}\u0000${event.occurredOn}\u0000${event.value ?? '\u0001'}`;
      if (seen.has(once)) continue;
      seen.add(once);
    } else if (at === 0 || events[at - 1]!.recordKey !== recordKey) {
      run = at;
    } else if (heldBefore(events, run, at)) {
      continue;
    }
    count += 1;
    const stored = storedEventFields(event, key);
    if (direct) out.row(DIRECT_EVENTS.fields).int8(idOf(direct, recordKey)).encoded(direct.rowColumns);
    else out.row(STAGED_EVENTS.fields).text(localIdOf(recordKey));
    out.text(event.code).date(event.occurredOn).text(stored.value).jsonb(stored.detail).bool(event.specialCategory);
  }
  return { rows: out.take(), count };
}

/** Whether an event of `events[from, at)` (the same record's) has the code, date and value of `events[at]`. */
function heldBefore(events: Chunk['events'], from: number, at: number): boolean {
  const { code, occurredOn, value } = events[at]!.event;
  for (let i = from; i < at; i += 1) {
    const e = events[i]!.event;
    if (e.code === code && e.occurredOn === occurredOn && e.value === value) return true;
  }
  return false;
}

/**
 * The relationships as binary COPY rows (few): for the staged write each record as its kind and local
 * id (both are records of the chunk); for the direct one the batch's columns and both ids, each
 * relationship once (the staged write's `ON CONFLICT` leaves out repeats itself).
 */
function relationshipRows(relationships: Chunk['relationships'], direct: DirectIds | null): Buffer {
  const out = new CopyBinaryRows();
  const seen = new Set<string>();
  for (const r of relationships) {
    if (!direct) {
      out.row(STAGED_RELATIONSHIPS.fields).text(kindOf(r.fromKey)).text(localIdOf(r.fromKey)).text(kindOf(r.toKey)).text(localIdOf(r.toKey)).text(r.kind);
      continue;
    }
    const from = idOf(direct, r.fromKey);
    const to = idOf(direct, r.toKey);
    const once = `${from} ${to} ${r.kind}`;
    if (seen.has(once)) continue;
    seen.add(once);
    out.row(DIRECT_RELATIONSHIPS.fields).encoded(direct.rowColumns).int8(from).int8(to).text(r.kind);
  }
  return out.take();
}

/** The id a direct write gave a record of its chunk. */
function idOf(direct: DirectIds, key: string): number {
  const id = direct.ids.get(key);
  if (id === undefined) throw new Error(`a row of the chunk refers to a record the chunk does not hold (${key.replace('\u0000', ' ')})`);
  return id;
}

/** A record key (`recordKey`) is kind, NUL, local id. */
const localIdOf = (key: string): string => key.slice(key.indexOf('\u0000') + 1);
const kindOf = (key: string): string => key.slice(0, key.indexOf('\u0000'));
