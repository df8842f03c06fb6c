/**
 * A file read, mapped and prepared for writing, chunk by chunk: everything of a load that is Node's
 * work alone, and what `loadFile` writes. It runs in the loading thread, or in a worker thread of its
 * own (`chunk-thread.ts`), where it keeps a core busy while the loading thread only sends.
 */
import type { ColumnPolicy } from '../agreement/column-policy.ts';
import type { Adapter } from '../core/adapter.ts';
import type { Mapping } from '../mapping-schema.ts';
import { freshKeys } from './fresh-keys.ts';
import { assertHeaderHolds } from './header-check.ts';
import type { LoadStats } from './load-stats.ts';
import { mappedChunks } from './mapped-chunks.ts';
import { prepareChunk, prepareChunkInTurns, type BatchContext, type PreparedChunk } from './write-chunk.ts';

/** What the chunks are made from: plain data, so that it can be sent to a worker thread as it is. */
export interface ChunkSupply {
  readonly path: string;
  readonly mapping: Mapping;
  readonly batch: BatchContext;
  /** Whether the dataset held any record when the load began (asked under the dataset's lock, `fresh-keys.ts`). */
  readonly held: boolean;
  /** Rows per chunk. */
  readonly chunkRows: number;
  /** Prepare chunks of records new to the dataset for the direct write, with ids drawn ahead (`record-ids.ts`). */
  readonly direct: boolean;
}

/** What the chunks are made with, where they are made. */
export interface SupplyHooks {
  readonly policy: ColumnPolicy;
  readonly read: Adapter;
  /** The first of `n` consecutive new record ids, or null when none could be drawn (the chunk is then staged). */
  readonly takeIds: (n: number) => Promise<number | null>;
  readonly onProgress?: (bytesRead: number) => void;
  /**
   * Let the event loop turn while a chunk is prepared: in the loading thread the store's replies to
   * the chunks before would wait otherwise (`prepareChunkInTurns`); a worker thread has none to wait for.
   */
  readonly turns: boolean;
}

/** The file's chunks, prepared; `stats` counts every row read as loaded or quarantined as they go. */
export async function* preparedChunks(supply: ChunkSupply, stats: LoadStats, hooks: SupplyHooks): AsyncGenerator<PreparedChunk> {
  const { path, mapping, batch } = supply;
  let columns: readonly string[] | null = null;
  const items = hooks.read({
    path, options: mapping.options,
    onColumns: (header) => {
      assertHeaderHolds(path, mapping, header);
      columns = header;
    },
    onProgress: hooks.onProgress,
  });
  const fresh = freshKeys(!supply.held);
  const context = { mapping, policy: hooks.policy, chunkRows: supply.chunkRows, stats, declaredColumns: () => columns, turns: hooks.turns };
  for await (const chunk of mappedChunks(items, context)) {
    const mode = fresh.modeFor(chunk.records.keys());
    const firstId = mode === 'insert' && chunk.records.size > 0 && supply.direct ? await hooks.takeIds(chunk.records.size) : null;
    yield hooks.turns ? await prepareChunkInTurns(chunk, batch, mode, firstId) : prepareChunk(chunk, batch, mode, firstId);
  }
}
