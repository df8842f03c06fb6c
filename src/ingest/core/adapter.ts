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

const RAW_LIMIT = 2000;

/** The first few kilobytes of a record's text, for reports. */
export const clipRaw = (text: string): string => (text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text);
