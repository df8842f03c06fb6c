/**
 * Keyed-hash blocking keys: each key is the SipHash-2-4 (a keyed PRF for short inputs), under its
 * own HKDF-derived key, of derived values (a soundex code, a year of birth…), truncated. The hub
 * sees only which records share a key, never the values. A record missing a part gets a key unique to it, so the number of keys
 * per record does not reveal which values were missing.
 */
import { partsReader } from './blocking-parts.ts';
import type { BlockingKey, LinkageSchema } from './clkhash-schema.ts';
import { deriveKeys } from './key-derivation.ts';
import type { StandardRecord } from './record-standardiser.ts';
import { sipHasher } from './siphash.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 of `n` bytes from `at`. */
function base64(b: Uint8Array, at: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 3) {
    const chunk = (b[at + i]! << 16) | ((i + 1 < n ? b[at + i + 1]! : 0) << 8) | (i + 2 < n ? b[at + i + 2]! : 0);
    out += BASE64[(chunk >>> 18) & 63]! + BASE64[(chunk >>> 12) & 63]!;
    out += i + 1 < n ? BASE64[(chunk >>> 6) & 63]! : '=';
    out += i + 2 < n ? BASE64[chunk & 63]! : '=';
  }
  return out;
}

/** The blocking keys of a record as raw bytes: `count` keys of `bytes` bytes each, written one after another. */
export interface BlockingKeyBytes {
  count: number;
  bytes: number;
  write(record: StandardRecord, out: Uint8Array, at: number): void;
}

/** Writes a string's UTF-8 bytes into a scratch buffer at `at` (ASCII a byte at a time); returns the end. */
function writeUtf8(text: string, scratch: Buffer, at: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return at + scratch.write(text, at, 'utf8');
    scratch[at + i] = c;
  }
  return at + text.length;
}

/** Computes the blocking keys of standardised records under one schema and secret, as raw bytes (see {@link createBlockingKeyer}). */
export function createBlockingKeyBytes(schema: LinkageSchema, secret: Uint8Array): BlockingKeyBytes {
  const ext = schema.clkConfig['x-tributary'];
  const keys: BlockingKey[] = ext?.blocking ?? [];
  const bytes = ext?.blockingKeyBytes ?? 8;
  const hashers = keys.map((k) => sipHasher(deriveKeys(secret, schema.clkConfig.kdf, `blocking:${k.name}`, 1)[0]!));
  let scratch = Buffer.alloc(1024);
  const digest = new Uint8Array(8);
  const distinct = [...new Set(keys.flatMap((k) => k.parts))];
  const readAll = partsReader(distinct);
  const positions = keys.map((k) => k.parts.map((p) => distinct.indexOf(p)));
  const MISSING = 'missing\u001f';
  /** The key's input, 'v' then each part after a unit separator, or 'missing' and the record id if a part is missing; returns its length. */
  const input = (values: string[], at: number[], id: string): number => {
    let end = 1;
    scratch[0] = 0x76; // 'v'
    for (const p of at) {
      const value = values[p]!;
      if (value === '') return writeUtf8(id, scratch, writeUtf8(MISSING, scratch, 0));
      scratch[end++] = 0x1f;
      end = writeUtf8(value, scratch, end);
    }
    return end;
  };
  return {
    count: keys.length,
    bytes,
    write(record, out, at) {
      const values = readAll(record.values);
      const longest = 16 + record.id.length * 3 + values.reduce((n, v) => n + 1 + v.length * 3, 0);
      if (longest > scratch.length) scratch = Buffer.alloc(longest * 2);
      for (let i = 0; i < keys.length; i++) {
        const length = input(values, positions[i]!, record.id);
        hashers[i]!(scratch, length, digest, 0);
        out.set(bytes === 8 ? digest : digest.subarray(0, bytes), at + i * bytes);
      }
    },
  };
}

/** Computes the blocking keys of standardised records under one schema and secret, as base64 strings. */
export function createBlockingKeyer(schema: LinkageSchema, secret: Uint8Array): (record: StandardRecord) => string[] {
  const keyBytes = createBlockingKeyBytes(schema, secret);
  const out = new Uint8Array(keyBytes.count * keyBytes.bytes);
  return (record) => {
    keyBytes.write(record, out, 0);
    return Array.from({ length: keyBytes.count }, (_, i) => base64(out, i * keyBytes.bytes, keyBytes.bytes));
  };
}
