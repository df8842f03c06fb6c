/** The one shape of every format adapter: a file and its options in, `AdapterItem`s out. */
import type { FormatOptions } from '../mapping-schema.ts';
import type { AdapterItem } from '../source-row.ts';

export interface AdapterContext {
  readonly path: string;
  readonly options: FormatOptions;
  /** Called once, before the first item, by formats whose columns are declared up front (CSV header, fixed-width layout, Parquet schema). */
  readonly onColumns?: (columns: readonly string[]) => void;
  /** Called as the file is read, with the bytes consumed so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

/** Reads a file as a stream of rows (or rows that could not be parsed), in bounded memory. */
export type Adapter = (context: AdapterContext) => AsyncIterable<AdapterItem>;

/**
 * An adapter's items as it parses them, a piece of text (some tens of kilobytes) at a time. Iterated
 * item by item it is any adapter's stream; `mappedChunks` takes the batches, so that a row costs no
 * step of an async iterator.
 */
export interface BatchedItems extends AsyncIterable<AdapterItem> {
  batches(): AsyncIterable<readonly AdapterItem[]>;
}

/** The items of a generator of batches, iterable either way. */
export function batched(read: () => AsyncIterable<readonly AdapterItem[]>): BatchedItems {
  return {
    batches: read,
    async* [Symbol.asyncIterator]() {
      for await (const batch of read()) yield* batch;
    },
  };
}

/** Any adapter's items in batches: its own where it reads in batches, else one item to a batch. */
export async function* itemBatches(items: AsyncIterable<AdapterItem>): AsyncGenerator<readonly AdapterItem[]> {
  if (typeof (items as Partial<BatchedItems>).batches === 'function') {
    yield* (items as BatchedItems).batches();
    return;
  }
  for await (const item of items) yield [item];
}

/** Text of about this many characters makes one batch (a 1 MiB read is cut into pieces at line breaks). */
const PIECE = 1 << 16;

/** The text in pieces of about `PIECE` characters, each ending just after a line feed (the last with the text). */
export function* linePieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE) {
    let cut = text.lastIndexOf('\n', start + PIECE);
    if (cut < start) cut = text.indexOf('\n', start + PIECE);
    if (cut === -1) break;
    yield text.slice(start, cut + 1);
    start = cut + 1;
  }
  if (start < text.length) yield start === 0 ? text : text.slice(start);
}

/** A synchronous parser a file's text is fed to piece by piece. */
export interface PieceParser {
  write(piece: string): void;
  end(): void;
}

/**
 * The items a synchronous parser puts into `items` as a file's text is fed to it: a batch for each
 * piece (`linePieces`) that gave any, taken out of `items`. What `end` gives is left in `items`. On a
 * failure the items gathered before it are yielded first, then the error is thrown.
 */
export async function* parsedBatches(texts: AsyncIterable<string>, parser: PieceParser, items: AdapterItem[]): AsyncGenerator<AdapterItem[]> {
  try {
    for await (const text of texts) {
      for (const piece of linePieces(text)) {
        parser.write(piece);
        if (items.length > 0) yield items.splice(0);
      }
    }
    parser.end();
  } catch (error) {
    if (items.length > 0) yield items.splice(0);
    throw error;
  }
}

const RAW_LIMIT = 2000;

/** The first few kilobytes of a record's text, for reports. */
export const clipRaw = (text: string): string => (text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text);
