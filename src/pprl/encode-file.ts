/**
 * `pprl encode`, as a library function: read an agency's CSV under its map, standardise, encode
 * each record as a CLK with blocking keys, shuffle the rows, and write the NDJSON and its schema.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parse } from 'csv-parse';
import type { LinkMap } from '../link/index.ts';
import { parseLinkageSchema, type LinkageSchema } from './clkhash-schema.ts';
import { schemaPathFor } from './clk-file.ts';
import { defaultSchema } from './default-schema.ts';
import { startEncodePool } from './encode-pool.ts';
import { createRowEncoder, type CsvRow } from './row-encoder.ts';
import { seededRandom, shuffleInPlace } from './seeded-random.ts';

export interface EncodeFileOptions {
  input: string;
  map: LinkMap;
  secret: Uint8Array;
  out: string;
  /** A linkage schema to follow (all agencies in a linkage must use the same one); default: {@link defaultSchema}. */
  schema?: LinkageSchema;
  /** Seed for the row shuffle; without one the order is unpredictable. */
  seed?: string;
  /**
   * Worker threads: by default the machine's parallelism for files of 1 MB or more, else none;
   * a number given here is used whatever the size (1 encodes in the main thread).
   */
  threads?: number;
  onProgress?: (records: number) => void;
}

export interface EncodeFileResult {
  records: number;
  out: string;
  schemaPath: string;
  /** Map columns absent from the file's header, encoded as missing. */
  missingColumns: string[];
  seconds: number;
}

/** The schema used when none is given: the default for the map's extra ids. */
export function schemaForMap(map: LinkMap): LinkageSchema {
  return parseLinkageSchema(defaultSchema(Object.keys(map.extra_ids)), 'the default schema');
}

/** The columns a map reads for encoding (attributes are not encoded, so not needed). */
function encodedColumns(map: LinkMap): string[] {
  const roles = Object.values(map.columns).flatMap((s) => (typeof s === 'string' ? [s] : Array.isArray(s) ? s : [s.column]));
  return [...new Set([map.id, ...roles, ...Object.values(map.extra_ids)])];
}

const BATCH = 2_000;
/** Below this size (about 10,000 FEBRL rows) starting workers costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 1_000_000;

type Encoder = { encode(rows: CsvRow[]): Promise<string[]>; close(): Promise<void> };

/** Workers when more than one thread is asked for (or the file is large), else the main thread. */
async function startEncoder(options: EncodeFileOptions, schema: LinkageSchema): Promise<Encoder> {
  const threads = options.threads ?? ((await stat(options.input)).size >= MIN_BYTES_FOR_WORKERS ? availableParallelism() : 1);
  if (threads > 1) {
    try {
      return await startEncodePool(threads, { schema, secret: options.secret, map: options.map });
    } catch { /* fall through: encode in-process */ }
  }
  const encodeRow = createRowEncoder(schema, options.secret, options.map);
  return { encode: async (rows) => rows.map(encodeRow), close: async () => {} };
}

/** Encodes one CSV file; see the module comment. */
export async function encodeCsvFile(options: EncodeFileOptions): Promise<EncodeFileResult> {
  const started = performance.now();
  const { input, map, out } = options;
  const schema = options.schema ?? schemaForMap(map);
  const encoder = await startEncoder(options, schema);
  const batches: Array<Promise<string[]>> = [];
  const ids = new Map<string, number>();
  let missingColumns: string[] = [];
  let row = 1;
  let batch: CsvRow[] = [];
  try {
    const parser = createReadStream(input).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }));
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row++;
      if (row === 2) {
        const header = new Set(Object.keys(record));
        if (!header.has(map.id)) {
          throw new Error(`${input}: the id column "${map.id}" named in the map is not in the header (${[...header].join(', ')}). Fix "id" in the map.`);
        }
        missingColumns = encodedColumns(map).filter((c) => !header.has(c));
      }
      const id = (record[map.id] ?? '').trim();
      if (id === '') throw new Error(`${input}: row ${row} has no record id in column "${map.id}"; every record needs one.`);
      const previous = ids.get(id);
      if (previous !== undefined) throw new Error(`${input}: rows ${previous} and ${row} share the record id "${id}"; ids must be unique within a file.`);
      ids.set(id, row);
      batch.push(record);
      if (batch.length === BATCH) {
        batches.push(encoder.encode(batch));
        batch = [];
        options.onProgress?.(ids.size);
      }
    }
    if (batch.length > 0) batches.push(encoder.encode(batch));
    const lines = (await Promise.all(batches)).flat();
    shuffleInPlace(lines, seededRandom(options.seed));
    await writeFile(out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    const schemaPath = schemaPathFor(out);
    await writeFile(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
    return { records: lines.length, out, schemaPath, missingColumns, seconds: (performance.now() - started) / 1000 };
  } finally {
    await encoder.close();
  }
}

/** Reads a schema file given with `--schema`. */
export async function readSchemaFile(path: string): Promise<LinkageSchema> {
  let json: unknown;
  try { json = JSON.parse(await readFile(path, 'utf8')); } catch (error) {
    throw new Error(`${path}: cannot read the schema as JSON (${(error as Error).message}).`);
  }
  return parseLinkageSchema(json, path);
}
