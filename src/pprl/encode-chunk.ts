/**
 * Encodes a chunk of a CSV file (whole records, no header) to its NDJSON lines, written straight
 * into one byte buffer: standardise, CLK, blocking keys, line. The same code runs in the worker
 * threads and, for small files, in the main thread, so the output is identical either way.
 */
import type { LinkMap } from '../link/index.ts';
import { createBlockingKeyBytes } from './blocking-keys.ts';
import type { LinkageSchema } from './clkhash-schema.ts';
import { clkBytes, createClkEncoder } from './clk-encoder.ts';
import { parseCsvText } from './csv-records.ts';
import { createFieldStandardiser } from './record-standardiser.ts';

/** A chunk's encoded lines: line i is `bytes[offsets[i], offsets[i + 1])` (no newline); `ids` are the records' ids in input order. */
export interface EncodedChunk {
  bytes: Uint8Array;
  offsets: Uint32Array;
  ids: string[];
}

const BASE64 = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', (c) => c.charCodeAt(0));
const EQUALS = 0x3d;

/** Writes standard padded base64 of `src[from, from + n)` into `out` at `at`; returns the end. */
function writeBase64(src: Uint8Array, from: number, n: number, out: Uint8Array, at: number): number {
  const end = from + n;
  let i = from;
  for (; i + 3 <= end; i += 3) {
    const chunk = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
    out[at++] = BASE64[chunk >>> 18]!;
    out[at++] = BASE64[(chunk >>> 12) & 63]!;
    out[at++] = BASE64[(chunk >>> 6) & 63]!;
    out[at++] = BASE64[chunk & 63]!;
  }
  if (i < end) {
    const two = i + 1 < end;
    const chunk = (src[i]! << 16) | (two ? src[i + 1]! << 8 : 0);
    out[at++] = BASE64[chunk >>> 18]!;
    out[at++] = BASE64[(chunk >>> 12) & 63]!;
    out[at++] = two ? BASE64[(chunk >>> 6) & 63]! : EQUALS;
    out[at++] = EQUALS;
  }
  return at;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Copies a short constant into `out` at `at`; returns the end (a loop: cheaper than `set` for a few bytes). */
function put(bytes: Uint8Array, out: Uint8Array, at: number): number {
  for (let i = 0; i < bytes.length; i++) out[at + i] = bytes[i]!;
  return at + bytes.length;
}

/** Writes `id` as a JSON string; printable ASCII without quote or backslash a byte at a time, anything else through JSON.stringify. */
function writeJsonString(id: string, out: Buffer, at: number): number {
  out[at] = 0x22;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return at + out.write(JSON.stringify(id), at, 'utf8');
    out[at + 1 + i] = c;
  }
  out[at + 1 + id.length] = 0x22;
  return at + id.length + 2;
}
const ID = ascii('{"id":');
const CLK = ascii(',"clk":"');
const KEYS = ascii('","keys":[');
const END = ascii(']}');

/** Builds the chunk encoder for a schema, secret, map and the file's header. */
export function createChunkEncoder(schema: LinkageSchema, secret: Uint8Array, map: LinkMap, header: readonly string[]): (text: string) => EncodedChunk {
  const encode = createClkEncoder(schema, secret);
  const keyBytes = createBlockingKeyBytes(schema, secret);
  const standardise = createFieldStandardiser(map, header);
  const keys = new Uint8Array(keyBytes.count * keyBytes.bytes);
  const keyB64 = 4 * Math.ceil(keyBytes.bytes / 3);
  const fixed = ID.length + CLK.length + 4 * Math.ceil(clkBytes(schema) / 3) + KEYS.length + keyBytes.count * (keyB64 + 3) + END.length;
  return (text) => {
    let out = Buffer.allocUnsafe(Math.max(1024, Math.ceil(text.length * 1.2) + 64 * fixed));
    const offsets: number[] = [0];
    const ids: string[] = [];
    let at = 0;
    parseCsvText(text, (fields) => {
      const record = standardise(fields);
      const need = fixed + record.id.length * 18;
      if (at + need > out.length) {
        const grown = Buffer.allocUnsafe(Math.max(out.length * 2, at + need));
        out.copy(grown, 0, 0, at);
        out = grown;
      }
      const clk = encode(record);
      keyBytes.write(record, keys, 0);
      at = put(ID, out, at);
      at = writeJsonString(record.id, out, at);
      at = put(CLK, out, at);
      at = writeBase64(clk, 0, clk.length, out, at);
      at = put(KEYS, out, at);
      for (let k = 0; k < keyBytes.count; k++) {
        if (k > 0) out[at++] = 0x2c;
        out[at++] = 0x22;
        at = writeBase64(keys, k * keyBytes.bytes, keyBytes.bytes, out, at);
        out[at++] = 0x22;
      }
      at = put(END, out, at);
      offsets.push(at);
      ids.push(record.id);
    });
    // A copy of just the bytes used, so that the buffer can be transferred without the rest.
    return { bytes: new Uint8Array(out.subarray(0, at)), offsets: Uint32Array.from(offsets), ids };
  };
}
