/**
 * `pprl encode`, as a library function: read an agency's CSV under its map, standardise, encode
 * each record as a CLK with blocking keys, shuffle the rows, and write the NDJSON and its schema.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { LinkMap } from '../link/index.ts';
import { parseLinkageSchema, type LinkageSchema } from './clkhash-schema.ts';
import { schemaPathFor } from './clk-file.ts';
import { defaultSchema } from './default-schema.ts';
import { chunkBoundaries, CsvError, endOfFirstRecord, parseCsvText } from './csv-records.ts';
import { createChunkEncoder, type EncodedChunk } from './encode-chunk.ts';
import { startEncodeWorkers, type EncodeWorkerEvents, type EncodeWorkers } from './encode-pool.ts';
import { seededRandom, shuffledOrder } from './seeded-random.ts';

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
  /** Whether the main thread encodes chunks too when there are workers (default true; false leaves them all to the workers, for tests). */
  mainThreadEncodes?: boolean;
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

/** Below this size (about 10,000 FEBRL rows) starting workers costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 1_000_000;
/** Chunks per thread: enough that a thread slowed by other work does not hold the rest up. */
const CHUNKS_PER_THREAD = 8;
const MIN_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

/** Starts the workers (sharing the file, the chunk boundaries and the control array), or none if they cannot be created. */
function startWorkers(
  threads: number, options: EncodeFileOptions, schema: LinkageSchema, bytes: Buffer, header: string[],
  cuts: number[], control: Int32Array, events: EncodeWorkerEvents,
): EncodeWorkers | undefined {
  const file = new SharedArrayBuffer(bytes.length);
  new Uint8Array(file).set(bytes);
  const sharedCuts = new SharedArrayBuffer(8 * cuts.length);
  new Float64Array(sharedCuts).set(cuts);
  try {
    return startEncodeWorkers(threads, { schema, secret: options.secret, map: options.map, header, file, cuts: sharedCuts, control: control.buffer as SharedArrayBuffer }, events);
  } catch {
    return undefined;
  }
}

/** The header's fields and where the records after it start, skipping a byte-order mark and empty lines; undefined for a file with no header. */
function readHeader(bytes: Buffer): { header: string[]; bodyStart: number } | undefined {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length) {
    const end = endOfFirstRecord(bytes, start);
    const records: string[][] = [];
    parseCsvText(bytes.toString('utf8', start, end), (fields) => records.push(fields));
    if (records.length > 0) return { header: records[0]!, bodyStart: end };
    start = end;
  }
  return undefined;
}

/** The number of records in `bytes[start, end)` (to number the rows in an error message). */
function countRecords(bytes: Buffer, start: number, end: number): number {
  let n = 0;
  parseCsvText(bytes.toString('utf8', start, end), () => { n++; });
  return n;
}

/** Encodes one CSV file; see the module comment. */
export async function encodeCsvFile(options: EncodeFileOptions): Promise<EncodeFileResult> {
  const started = performance.now();
  const { input, map, out } = options;
  const schema = options.schema ?? schemaForMap(map);
  const bytes = await readFile(input);
  const read = readHeader(bytes);
  const header = read?.header ?? [];
  const bodyStart = read?.bodyStart ?? bytes.length;
  const hasBody = bytes.subarray(bodyStart).some((b) => b > 0x20);
  if (hasBody && !header.includes(map.id)) {
    throw new Error(`${input}: the id column "${map.id}" named in the map is not in the header (${header.join(', ')}). Fix "id" in the map.`);
  }
  const threads = options.threads ?? (bytes.length >= MIN_BYTES_FOR_WORKERS ? availableParallelism() : 1);
  const target = Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.ceil((bytes.length - bodyStart) / (threads * CHUNKS_PER_THREAD))));
  const cuts = chunkBoundaries(bytes, bodyStart, bytes.length, target);
  const count = cuts.length - 1;
  const chunks: Array<EncodedChunk | undefined> = new Array<EncodedChunk | undefined>(count);
  const errors: Array<Error | undefined> = new Array<Error | undefined>(count);
  let remaining = count;
  let encodedSoFar = 0;
  let allDone = (): void => {};
  const done = (c: number, chunk: EncodedChunk | undefined, error?: Error): void => {
    if (chunks[c] !== undefined || errors[c] !== undefined) return;
    if (chunk) { chunks[c] = chunk; encodedSoFar += chunk.ids.length; options.onProgress?.(encodedSoFar); } else { errors[c] = error; }
    if (--remaining === 0) allDone();
  };
  const encodeHere = createChunkEncoder(schema, options.secret, map, header);
  const encodeInMainThread = (c: number): void => {
    try { done(c, encodeHere(bytes.toString('utf8', cuts[c]!, cuts[c + 1]!))); } catch (error) { done(c, undefined, error as Error); }
  };
  // Every thread, main included, claims the next chunk from one shared counter; workers join as soon as they have started.
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + threads)));
  const workers = count > 1 && threads > 1 ? startWorkers(threads - 1, options, schema, bytes, header, cuts, control, {
    chunk: (c, result) => done(c, result),
    failed: (c, message, record) => done(c, undefined, record === undefined ? new Error(message) : new CsvError(message, record)),
    lost: (c) => encodeInMainThread(c),
    // Whatever is left when no worker is running (they could not start, say) is the main thread's.
    allStopped: () => { for (let c = Atomics.add(control, 0, 1); c < count; c = Atomics.add(control, 0, 1)) encodeInMainThread(c); },
  }) : undefined;
  try {
    const finished = new Promise<void>((resolve) => { allDone = resolve; if (remaining === 0) resolve(); });
    const mainThreadEncodes = options.mainThreadEncodes !== false || workers === undefined;
    for (let c = mainThreadEncodes ? Atomics.add(control, 0, 1) : count; c < count; c = Atomics.add(control, 0, 1)) {
      encodeInMainThread(c);
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' results in
    }
    await finished;
    for (let c = 0; c < count; c++) {
      const error = errors[c];
      if (error instanceof CsvError) throw new Error(`${input}: row ${1 + countRecords(bytes, bodyStart, cuts[c]!) + error.record}: ${error.reason}.`);
      if (error) throw error;
    }
    const encoded = chunks as EncodedChunk[];
    const records = checkIds(input, map, encoded);
    const missingColumns = records > 0 ? encodedColumns(map).filter((c) => !header.includes(c)) : [];
    await writeFile(out, shuffledLines(encoded, records, options.seed));
    const schemaPath = schemaPathFor(out);
    await writeFile(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
    return { records, out, schemaPath, missingColumns, seconds: (performance.now() - started) / 1000 };
  } finally {
    await workers?.close();
  }
}

/** Checks that every record has an id and no two share one (rows numbered as in the file, the header being row 1); returns the number of records. */
function checkIds(input: string, map: LinkMap, chunks: readonly EncodedChunk[]): number {
  const rows = new Map<string, number>();
  let row = 1;
  for (const chunk of chunks) {
    for (const id of chunk.ids) {
      row++;
      if (id === '') throw new Error(`${input}: row ${row} has no record id in column "${map.id}"; every record needs one.`);
      const previous = rows.get(id);
      if (previous !== undefined) throw new Error(`${input}: rows ${previous} and ${row} share the record id "${id}"; ids must be unique within a file.`);
      rows.set(id, row);
    }
  }
  return row - 1;
}

/** All the chunks' lines in one buffer, each followed by a newline, in shuffled order. */
function shuffledLines(chunks: readonly EncodedChunk[], records: number, seed: string | undefined): Buffer {
  const chunkOf = new Uint32Array(records);
  const firstOf: number[] = [];
  let total = 0;
  let g = 0;
  for (const [c, chunk] of chunks.entries()) {
    firstOf.push(g);
    chunkOf.fill(c, g, g + chunk.ids.length);
    g += chunk.ids.length;
    total += chunk.offsets[chunk.ids.length]! + chunk.ids.length;
  }
  const order = shuffledOrder(records, seededRandom(seed));
  const views = chunks.map((chunk) => Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength));
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (let p = 0; p < records; p++) {
    const line = order[p]!;
    const c = chunkOf[line]!;
    const local = line - firstOf[c]!;
    const { offsets } = chunks[c]!;
    at += views[c]!.copy(out, at, offsets[local]!, offsets[local + 1]!);
    out[at++] = 0x0a;
  }
  return out;
}

/** Reads a schema file given with `--schema`. */
export async function readSchemaFile(path: string): Promise<LinkageSchema> {
  let json: unknown;
  try { json = JSON.parse(await readFile(path, 'utf8')); } catch (error) {
    throw new Error(`${path}: cannot read the schema as JSON (${(error as Error).message}).`);
  }
  return parseLinkageSchema(json, path);
}
