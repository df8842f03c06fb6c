/**
 * SipHash-2-4 (Aumasson & Bernstein 2012): a keyed pseudo-random function built for short inputs,
 * with a 128-bit key and a 64-bit output — here the blocking keys' keyed hash, a few hundred
 * nanoseconds where an HMAC object costs microseconds.
 */

// The state v0..v3 as (low, high) 32-bit halves.
const v = new Uint32Array(8);

function add(a: number, b: number): void {
  const lo = v[a]! + v[b]!;
  v[a + 1] = v[a + 1]! + v[b + 1]! + (lo > 0xffffffff ? 1 : 0);
  v[a] = lo;
}

function rotl(a: number, r: number): void {
  const lo = v[a]!;
  const hi = v[a + 1]!;
  if (r === 32) { v[a] = hi; v[a + 1] = lo; return; }
  v[a] = (lo << r) | (hi >>> (32 - r));
  v[a + 1] = (hi << r) | (lo >>> (32 - r));
}

function xor(a: number, b: number): void {
  v[a] = v[a]! ^ v[b]!;
  v[a + 1] = v[a + 1]! ^ v[b + 1]!;
}

function sipRound(): void {
  add(0, 2); rotl(2, 13); xor(2, 0); rotl(0, 32);
  add(4, 6); rotl(6, 16); xor(6, 4);
  add(0, 6); rotl(6, 21); xor(6, 0);
  add(4, 2); rotl(2, 17); xor(2, 4); rotl(4, 32);
}

const u32 = (bytes: Uint8Array, at: number): number =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

function absorb(lo: number, hi: number): void {
  v[6] = v[6]! ^ lo; v[7] = v[7]! ^ hi;
  sipRound(); sipRound();
  v[0] = v[0]! ^ lo; v[1] = v[1]! ^ hi;
}

/** SipHash-2-4 of a message under a 16-byte key, as 8 little-endian bytes. */
export function siphash24(key: Uint8Array, message: Uint8Array): Uint8Array {
  if (key.length < 16) throw new Error(`siphash24: the key is ${key.length} bytes; 16 are needed.`);
  const k0lo = u32(key, 0); const k0hi = u32(key, 4); const k1lo = u32(key, 8); const k1hi = u32(key, 12);
  v[0] = k0lo ^ 0x70736575; v[1] = k0hi ^ 0x736f6d65; v[2] = k1lo ^ 0x6e646f6d; v[3] = k1hi ^ 0x646f7261;
  v[4] = k0lo ^ 0x6e657261; v[5] = k0hi ^ 0x6c796765; v[6] = k1lo ^ 0x79746573; v[7] = k1hi ^ 0x74656462;
  const whole = message.length - (message.length % 8);
  for (let at = 0; at < whole; at += 8) absorb(u32(message, at), u32(message, at + 4));
  let lo = 0;
  let hi = (message.length & 0xff) << 24;
  for (let i = whole; i < message.length; i++) {
    const shift = 8 * (i - whole);
    if (shift < 32) lo |= message[i]! << shift; else hi |= message[i]! << (shift - 32);
  }
  absorb(lo >>> 0, hi >>> 0);
  v[4] = v[4]! ^ 0xff;
  sipRound(); sipRound(); sipRound(); sipRound();
  const outLo = (v[0]! ^ v[2]! ^ v[4]! ^ v[6]!) >>> 0;
  const outHi = (v[1]! ^ v[3]! ^ v[5]! ^ v[7]!) >>> 0;
  return new Uint8Array([outLo, outLo >>> 8, outLo >>> 16, outLo >>> 24, outHi, outHi >>> 8, outHi >>> 16, outHi >>> 24]);
}
