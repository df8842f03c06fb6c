/**
 * The entries of FHIR Bundles (`entry[i]` of each top-level JSON value) from streamed text — what
 * stream-json's `pick` and `streamValues` make of it — with a line that holds one whole value
 * (newline-delimited Bundles, as exports write them) parsed at once by `JSON.parse`. From the first
 * line that does not (one big Bundle written over many lines, a line longer than 16 MiB, a syntax
 * error), stream-json reads the rest of the file, as it read all of it before; a line `JSON.parse`
 * could read otherwise (a key written twice, a `\u` escape) is read by stream-json on its own.
 */
import pick from 'stream-json/filters/pick.js';
import streamValues from 'stream-json/streamers/stream-values.js';
import type { FhirEntry } from './fhir-grouping.ts';
import { streamJson } from './json-stream.ts';

const LINE_LIMIT = 1 << 24;
const NONE: readonly FhirEntry[] = [];

const isEntry = (stack: readonly unknown[]): boolean => stack.length === 2 && stack[0] === 'entry' && typeof stack[1] === 'number';

/** Yields every Bundle entry of the text in file order; a file that is not JSON fails as `streamJson` says. */
export async function* fhirEntries(path: string, text: AsyncIterable<string>): AsyncGenerator<FhirEntry> {
  const chunks = text[Symbol.asyncIterator]();
  let partial = '';
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = partial + next.value;
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const line = chunk.slice(start, nl);
      const entries = lineEntries(line);
      if (entries === null) return yield* streamed(path, chunk.slice(start), chunks);
      yield* entries === 'stream-json' ? streamed(path, line, null) : entries;
      start = nl + 1;
    }
    partial = chunk.slice(start);
    if (partial.length > LINE_LIMIT) return yield* streamed(path, partial, chunks);
  }
  const entries = lineEntries(partial);
  yield* entries === null || entries === 'stream-json' ? streamed(path, partial, null) : entries;
}

/** The entries of one line holding one whole JSON value; null when it does not; `stream-json` when JSON.parse might read it otherwise. */
function lineEntries(line: string): readonly FhirEntry[] | 'stream-json' | null {
  if (!/\S/.test(line)) return NONE;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (line.includes('\\u') || line.indexOf('"entry"') !== line.lastIndexOf('"entry"')) return 'stream-json';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NONE;
  const entry = (value as { entry?: unknown }).entry;
  return Array.isArray(entry) ? entry as FhirEntry[] : NONE;
}

/** The entries stream-json finds in `head` and then in the rest of the chunks (none: `head` is all). */
async function* streamed(path: string, head: string, rest: AsyncIterator<string> | null): AsyncGenerator<FhirEntry> {
  async function* text(): AsyncGenerator<string> {
    yield head;
    if (rest) for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  }
  const values = streamJson<{ value: FhirEntry }>(path, text(), [pick({ filter: isEntry }), streamValues()], { jsonStreaming: true });
  for await (const item of values) yield item.value;
}
