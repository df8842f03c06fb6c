/**
 * Streams a file's items through the mapping into chunks ready to write, counting as it goes.
 * Columns outside the agreement are noted as refused and never reach a chunk: records keep only
 * mapped (agreed) columns, and a quarantined row keeps only its agreed columns.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ColumnPolicy } from '../agreement/column-policy.ts';
import { withoutPositions } from '../agreement/column-policy.ts';
import { itemBatches } from '../core/adapter.ts';
import { applyMapping } from '../mapping/apply-mapping.ts';
import { ruleGivesSpecialEvents, specialOnlyColumns } from '../mapping/special-rules.ts';
import type { Mapping } from '../mapping-schema.ts';
import type { AdapterItem, FlatRecord, SourceRow } from '../source-row.ts';
import { addMapped, addQuarantined, emptyChunk, type Chunk } from './chunk.ts';
import { tally, type LoadStats } from './load-stats.ts';

export interface ChunkingContext {
  readonly mapping: Mapping;
  readonly policy: ColumnPolicy;
  readonly chunkRows: number;
  readonly stats: LoadStats;
  /** The file's columns when its format declares them up front (then refused columns are known from the header). */
  readonly declaredColumns: () => readonly string[] | null;
  /** Pause now and then for the event loop (default true); a worker thread, with no store replies to let through, need not. */
  readonly turns?: boolean;
}

const YIELD_EVERY = 50;

/** Yields chunks of at most `chunkRows` rows; every item read lands in exactly one chunk. */
export async function* mappedChunks(items: AsyncIterable<AdapterItem>, context: ChunkingContext): AsyncGenerator<Chunk> {
  const { mapping, policy, stats, chunkRows } = context;
  const pauses = context.turns !== false;
  // a health dataset's quarantined rows keep no column only health rules read, and no unparsed text
  const health = mapping.events.some(ruleGivesSpecialEvents);
  const sealedOnly = specialOnlyColumns(mapping);
  let chunk = emptyChunk();
  let headerChecked = false;
  for await (const batch of itemBatches(items)) {
    for (const item of batch) {
      stats.rowsRead += 1;
      // rows already parsed are mapped without a pause, which starves I/O: let the store's replies (the write of
      // the previous chunk, statement by statement) through now and then, so the server is not left waiting
      if (pauses && stats.rowsRead % YIELD_EVERY === 0) await nextTurn();
      if (!headerChecked) {
        headerChecked = true;
        for (const column of context.declaredColumns() ?? []) if (!policy.allows(column)) stats.refusedColumns.add(column);
      }
      addItem(chunk, item, context, health, sealedOnly);
      if (chunk.rows >= chunkRows) {
        yield chunk;
        chunk = emptyChunk();
      }
    }
  }
  if (chunk.rows > 0) yield chunk;
}

/** Maps one item into the chunk, or quarantines it, counting it either way. */
function addItem(chunk: Chunk, item: AdapterItem, context: ChunkingContext, health: boolean, sealedOnly: (key: string) => boolean): void {
  const { mapping, policy, stats } = context;
  const declared = context.declaredColumns() !== null;
  if (!item.ok) {
    stats.rowsQuarantined += 1;
    tally(stats.quarantineCodes, item.error.code);
    const raw = declared && stats.refusedColumns.size === 0 && !health ? item.raw : '';
    addQuarantined(chunk, { rowNumber: item.rowNumber, column: item.error.column ?? null, code: item.error.code, message: item.error.message, raw });
    return;
  }
  if (!declared) noteRefused(item, policy, stats.refusedColumns);
  const mapped = applyMapping(item, mapping);
  if (mapped.ok) {
    stats.rowsLoaded += 1;
    stats.contacts += mapped.contacts.length;
    for (const warning of mapped.warnings) tally(stats.warnings, warning.code);
    addMapped(chunk, mapped);
    return;
  }
  stats.rowsQuarantined += 1;
  const [first] = mapped.problems;
  tally(stats.quarantineCodes, first!.code);
  addQuarantined(chunk, {
    rowNumber: item.rowNumber, column: first!.column ?? null, code: first!.code,
    message: mapped.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' | '),
    raw: JSON.stringify(agreedFields(item.fields, policy, sealedOnly)),
  });
}

function noteRefused(row: SourceRow, policy: ColumnPolicy, refused: Set<string>): void {
  for (const key in row.fields) {
    const value = row.fields[key];
    if (value !== null && value !== '' && !policy.allows(key)) refused.add(withoutPositions(key));
  }
  for (const group in row.groups) {
    const elements = row.groups[group]!;
    const firstKey = elements[0] ? Object.keys(elements[0])[0] : undefined;
    if (firstKey === undefined || `${group}.0.${firstKey}` in row.fields) continue;
    for (const element of elements) {
      for (const key in element) {
        const value = element[key];
        if (value !== null && value !== '' && !policy.allows(`${group}.${key}`)) refused.add(withoutPositions(`${group}.${key}`));
      }
    }
  }
}

function agreedFields(fields: FlatRecord, policy: ColumnPolicy, sealedOnly: (key: string) => boolean): FlatRecord {
  const kept: FlatRecord = {};
  for (const key in fields) if (policy.allows(key) && !sealedOnly(key)) kept[key] = fields[key]!;
  return kept;
}
