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
import { siphash24 } from './siphash.ts';

const MAX_CACHED_KEYS = 200_000;
const CACHE_TRIAL = 20_000;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 of the first `n` bytes. */
function base64(b: Uint8Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 3) {
    const chunk = (b[i]! << 16) | ((i + 1 < n ? b[i + 1]! : 0) << 8) | (i + 2 < n ? b[i + 2]! : 0);
    out += BASE64[(chunk >>> 18) & 63]! + BASE64[(chunk >>> 12) & 63]!;
    out += i + 1 < n ? BASE64[(chunk >>> 6) & 63]! : '=';
    out += i + 2 < n ? BASE64[chunk & 63]! : '=';
  }
  return out;
}

/** Computes the blocking keys of standardised records under one schema and secret. */
export function createBlockingKeyer(schema: LinkageSchema, secret: Uint8Array): (record: StandardRecord) => string[] {
  const ext = schema.clkConfig['x-tributary'];
  const keys: BlockingKey[] = ext?.blocking ?? [];
  const bytes = ext?.blockingKeyBytes ?? 8;
  const sipKeys = keys.map((k) => deriveKeys(secret, schema.clkConfig.kdf, `blocking:${k.name}`, 1)[0]!);
  const caches = keys.map(() => ({ map: new Map<string, string>(), hits: 0, misses: 0, on: true }));
  const utf8 = Buffer.alloc(1024);
  const mac = (i: number, input: string): string => {
    const n = utf8.write(input, 0, 'utf8');
    if (n >= utf8.length - 4) return base64(siphash24(sipKeys[i]!, Buffer.from(input, 'utf8')), bytes);
    return base64(siphash24(sipKeys[i]!, utf8.subarray(0, n)), bytes);
  };
  /** Memoised where the key's inputs repeat (a soundex and a year); a key whose inputs are unique stops caching. */
  const cachedMac = (i: number, input: string): string => {
    const cache = caches[i]!;
    if (!cache.on) return mac(i, input);
    let out = cache.map.get(input);
    if (out !== undefined) { cache.hits++; return out; }
    out = mac(i, input);
    if (++cache.misses === CACHE_TRIAL && cache.hits * 10 < cache.misses) { cache.on = false; cache.map.clear(); return out; }
    if (cache.map.size >= MAX_CACHED_KEYS) cache.map.clear();
    cache.map.set(input, out);
    return out;
  };
  const distinct = [...new Set(keys.flatMap((k) => k.parts))];
  const readAll = partsReader(distinct);
  const positions = keys.map((k) => k.parts.map((p) => distinct.indexOf(p)));
  return (record) => {
    const values = readAll(record.values);
    return positions.map((at, i) => {
      let input = 'v';
      for (const p of at) {
        const value = values[p]!;
        if (value === '') return mac(i, `missing\u001f${record.id}`);
        input += `\u001f${value}`;
      }
      return cachedMac(i, input);
    });
  };
}
