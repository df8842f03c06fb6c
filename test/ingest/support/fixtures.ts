/** Paths of the ingest fixtures, and a helper that reads a whole (small) file through an adapter. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterItem, Format, FormatOptions } from '../../../src/ingest/index.ts';
import { adapters, IngestFileError } from '../../../src/ingest/index.ts';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const fixture = (name: string): string => join(fixturesDir, name);
export const fixtureConfig = join(fixturesDir, 'config');

export interface Collected {
  readonly items: AdapterItem[];
  readonly columns: readonly string[] | null;
  readonly error: IngestFileError | null;
}

/** Reads every item of a fixture; a file error is returned, not thrown, with the items read before it. */
export async function collect(format: Format, name: string, options: FormatOptions = {}): Promise<Collected> {
  const items: AdapterItem[] = [];
  let columns: readonly string[] | null = null;
  try {
    for await (const item of adapters[format]({ path: name.startsWith('/') ? name : fixture(name), options, onColumns: (c) => { columns = c; } })) items.push(item);
  } catch (error) {
    if (error instanceof IngestFileError) return { items, columns, error };
    throw error;
  }
  return { items, columns, error: null };
}

/** The fields of the loaded rows, for compact assertions. */
export const fieldsOf = (items: readonly AdapterItem[]): Record<string, string | null>[] =>
  items.flatMap((item) => (item.ok ? [item.fields] : []));
