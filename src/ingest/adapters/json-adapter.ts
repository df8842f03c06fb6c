/**
 * JSON records: a top-level array, an array at `options.record_path` (dotted, e.g. `data.pupils`),
 * or newline-delimited JSON (one object per line). Arrays stream through stream-json, one element
 * at a time; each record is flattened by the shared rule (`source-row.ts`).
 */
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { Adapter } from '../core/adapter.ts';
import { clipRaw } from '../core/adapter.ts';
import { IngestFileError } from '../core/file-error.ts';
import { flatten } from '../core/flatten.ts';
import { streamJson } from '../core/json-stream.ts';
import { ndjsonLines } from '../core/ndjson-lines.ts';
import { peekText } from '../core/peek-text.ts';
import { readText } from '../core/text-stream.ts';
import type { AdapterItem } from '../source-row.ts';

export const jsonAdapter: Adapter = async function* jsonRows({ path, options, onProgress }) {
  const { first, text } = await peekText(readText(path, { encoding: options.encoding, onProgress }));
  if (first === null) throw new IngestFileError('INGEST_EMPTY_FILE', path, 'the file holds only white space');
  if (options.record_path) {
    const probe = arrayProbe(path, options.record_path);
    yield* arrayElements(streamJson(path, text, [pick({ filter: options.record_path }), probe.stage, streamArray()]));
    if (!probe.found()) {
      throw new IngestFileError('INGEST_NO_RECORDS_FOUND', path, `nothing at "${options.record_path}"; check options.record_path in the mapping`);
    }
  } else if (first === '[') {
    yield* arrayElements(streamJson(path, text, [streamArray()]));
  } else if (first === '{') {
    for await (const line of ndjsonLines(path, text)) {
      yield line.ok
        ? toItem(line.line, line.value, line.text)
        : { ok: false, rowNumber: line.line, raw: clipRaw(line.text), error: { code: 'INGEST_ROW_UNPARSEABLE', message: line.message } };
    }
  } else {
    throw new IngestFileError('INGEST_MALFORMED', path,
      `the file starts with "${first}", not with a JSON array or object; check that it is the JSON export the mapping describes`, { line: 1 });
  }
};

async function* arrayElements(elements: AsyncIterable<{ key: number; value: unknown }>): AsyncGenerator<AdapterItem> {
  for await (const { key, value } of elements) yield toItem(key + 1, value);
}

/** A pass-through stage that checks the value picked at `record_path` is an array, and whether there was one. */
function arrayProbe(path: string, recordPath: string): { stage: (token: { name: string }) => unknown; found: () => boolean } {
  let seen = false;
  const stage = (token: { name: string }): unknown => {
    if (!seen && token.name !== 'startArray') {
      throw new IngestFileError('INGEST_NO_RECORDS_FOUND', path, `"${recordPath}" holds a single value, not an array of records; check options.record_path`);
    }
    seen = true;
    return token;
  };
  return { stage, found: () => seen };
}

function toItem(rowNumber: number, value: unknown, text?: string): AdapterItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      rowNumber,
      raw: clipRaw(text ?? JSON.stringify(value)),
      error: { code: 'INGEST_ROW_NOT_OBJECT', message: `record ${rowNumber} is ${Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`}, not an object with named fields` },
    };
  }
  const { fields, groups } = flatten(value);
  return { ok: true, rowNumber, fields, groups, raw: clipRaw(text ?? JSON.stringify(value)) };
}
