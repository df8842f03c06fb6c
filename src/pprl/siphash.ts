/**
 * SipHash-2-4 (Aumasson & Bernstein 2012): a keyed pseudo-random function built for short inputs,
 * with a 128-bit key and a 64-bit output — here the blocking keys' keyed hash, well under a
 * microsecond where an HMAC object costs several. The 64-bit words are held as 32-bit halves in
 * local variables (h = high, l = low).
 */

const u32 = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

/** SipHash-2-4 of a message under a 16-byte key, as 8 little-endian bytes. */
export function siphash24(key: Uint8Array, message: Uint8Array): Uint8Array {
  const out = new Uint8Array(8);
  sipHasher(key)(message, message.length, out, 0);
  return out;
}

/**
 * SipHash-2-4 under one key, read once: the returned function hashes the first `length` bytes of
 * `message` and writes the 8 little-endian bytes of the result into `out` at `at` (no allocation).
 */
export function sipHasher(key: Uint8Array): (message: Uint8Array, length: number, out: Uint8Array, at: number) => void {
  if (key.length < 16) throw new Error(`siphash24: the key is ${key.length} bytes; 16 are needed.`);
  const k0l = u32(key, 0); const k0h = u32(key, 4); const k1l = u32(key, 8); const k1h = u32(key, 12);
  return (message, length, out, at) => sip(k0l, k0h, k1l, k1h, message, length, out, at);
}

function sip(k0l: number, k0h: number, k1l: number, k1h: number, message: Uint8Array, length: number, out: Uint8Array, at: number): void {
  let v0l = k0l ^ 0x70736575; let v0h = k0h ^ 0x736f6d65;
  let v1l = k1l ^ 0x6e646f6d; let v1h = k1h ^ 0x646f7261;
  let v2l = k0l ^ 0x6e657261; let v2h = k0h ^ 0x6c796765;
  let v3l = k1l ^ 0x79746573; let v3h = k1h ^ 0x74656462;
  let t = 0;

  const whole = length - (length % 8);
  const blocks = whole / 8 + 1;
  // Each block: v3 ^= m, two rounds, v0 ^= m; then the finalisation: v2 ^= 0xff, four rounds.
  for (let b = 0; b <= blocks; b++) {
    const final = b === blocks;
    let ml = 0;
    let mh = 0;
    if (final) {
      v2l ^= 0xff;
    } else if (b * 8 < whole) {
      ml = u32(message, b * 8); mh = u32(message, b * 8 + 4);
    } else {
      mh = (length & 0xff) << 24;
      for (let i = whole; i < length; i++) {
        const shift = 8 * (i - whole);
        if (shift < 32) ml |= message[i]! << shift; else mh |= message[i]! << (shift - 32);
      }
    }
    v3l ^= ml; v3h ^= mh;
    for (let r = 0; r < (final ? 4 : 2); r++) {
      // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
      t = (v0l >>> 0) + (v1l >>> 0); v0h = (v0h + v1h + (t > 0xffffffff ? 1 : 0)) | 0; v0l = t | 0;
      t = v1l; v1l = (v1l << 13) | (v1h >>> 19); v1h = (v1h << 13) | (t >>> 19);
      v1l ^= v0l; v1h ^= v0h;
      t = v0l; v0l = v0h; v0h = t;
      // v2 += v3; v3 = rotl(v3, 16) ^ v2
      t = (v2l >>> 0) + (v3l >>> 0); v2h = (v2h + v3h + (t > 0xffffffff ? 1 : 0)) | 0; v2l = t | 0;
      t = v3l; v3l = (v3l << 16) | (v3h >>> 16); v3h = (v3h << 16) | (t >>> 16);
      v3l ^= v2l; v3h ^= v2h;
      // v0 += v3; v3 = rotl(v3, 21) ^ v0
      t = (v0l >>> 0) + (v3l >>> 0); v0h = (v0h + v3h + (t > 0xffffffff ? 1 : 0)) | 0; v0l = t | 0;
      t = v3l; v3l = (v3l << 21) | (v3h >>> 11); v3h = (v3h << 21) | (t >>> 11);
      v3l ^= v0l; v3h ^= v0h;
      // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
      t = (v2l >>> 0) + (v1l >>> 0); v2h = (v2h + v1h + (t > 0xffffffff ? 1 : 0)) | 0; v2l = t | 0;
      t = v1l; v1l = (v1l << 17) | (v1h >>> 15); v1h = (v1h << 17) | (t >>> 15);
      v1l ^= v2l; v1h ^= v2h;
      t = v2l; v2l = v2h; v2h = t;
    }
    v0l ^= ml; v0h ^= mh;
  }
  const lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  const hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  out[at] = lo; out[at + 1] = lo >>> 8; out[at + 2] = lo >>> 16; out[at + 3] = lo >>> 24;
  out[at + 4] = hi; out[at + 5] = hi >>> 8; out[at + 6] = hi >>> 16; out[at + 7] = hi >>> 24;
}
