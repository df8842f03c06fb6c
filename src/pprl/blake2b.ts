/**
 * Keyed, salted BLAKE2b-512 (RFC 7693) in plain TypeScript: Node's crypto offers BLAKE2b but
 * neither its key nor its salt parameter, and clkhash's `blakeHash` needs both.
 */

// The IV as (low, high) 32-bit halves of each 64-bit word.
const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

const SIGMA = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4, 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
  9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13, 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
  12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11, 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
  6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5, 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
].map((x) => x * 2);

const v = new Uint32Array(32);
const m = new Uint32Array(32);

/** v[a] += v[b] + m[x], on 64-bit words held as two 32-bit halves. */
function add3(a: number, b: number, x: number): void {
  let lo = v[a]! + v[b]!;
  let hi = v[a + 1]! + v[b + 1]! + (lo >= 0x100000000 ? 1 : 0);
  lo >>>= 0;
  const lo2 = lo + m[x]!;
  hi = hi + m[x + 1]! + (lo2 >= 0x100000000 ? 1 : 0);
  v[a] = lo2;
  v[a + 1] = hi;
}

function add2(a: number, b: number): void {
  const lo = v[a]! + v[b]!;
  v[a + 1] = v[a + 1]! + v[b + 1]! + (lo >= 0x100000000 ? 1 : 0);
  v[a] = lo;
}

/** v[d] = rotr64(v[d] ^ v[a], r) for r in 32, 24, 16, 63. */
function xorRot(d: number, a: number, r: 32 | 24 | 16 | 63): void {
  const lo = v[d]! ^ v[a]!;
  const hi = v[d + 1]! ^ v[a + 1]!;
  if (r === 32) { v[d] = hi; v[d + 1] = lo; return; }
  if (r === 63) { v[d] = (hi >>> 31) ^ (lo << 1); v[d + 1] = (lo >>> 31) ^ (hi << 1); return; }
  v[d] = (lo >>> r) ^ (hi << (32 - r));
  v[d + 1] = (hi >>> r) ^ (lo << (32 - r));
}

function mix(a: number, b: number, c: number, d: number, x: number, y: number): void {
  add3(a, b, x); xorRot(d, a, 32); add2(c, d); xorRot(b, c, 24);
  add3(a, b, y); xorRot(d, a, 16); add2(c, d); xorRot(b, c, 63);
}

function compress(h: Uint32Array, block: Uint8Array, offset: number, t: number, last: boolean): void {
  for (let i = 0; i < 16; i++) { v[i] = h[i]!; v[i + 16] = IV[i]!; }
  v[24] = v[24]! ^ (t >>> 0);
  v[25] = v[25]! ^ Math.floor(t / 0x100000000);
  if (last) { v[28] = ~v[28]!; v[29] = ~v[29]!; }
  for (let i = 0; i < 32; i++) {
    const p = offset + i * 4;
    m[i] = block[p]! | (block[p + 1]! << 8) | (block[p + 2]! << 16) | (block[p + 3]! << 24);
  }
  for (let r = 0; r < 12; r++) {
    const s = r * 16;
    mix(0, 8, 16, 24, SIGMA[s]!, SIGMA[s + 1]!);
    mix(2, 10, 18, 26, SIGMA[s + 2]!, SIGMA[s + 3]!);
    mix(4, 12, 20, 28, SIGMA[s + 4]!, SIGMA[s + 5]!);
    mix(6, 14, 22, 30, SIGMA[s + 6]!, SIGMA[s + 7]!);
    mix(0, 10, 20, 30, SIGMA[s + 8]!, SIGMA[s + 9]!);
    mix(2, 12, 22, 24, SIGMA[s + 10]!, SIGMA[s + 11]!);
    mix(4, 14, 16, 26, SIGMA[s + 12]!, SIGMA[s + 13]!);
    mix(6, 8, 18, 28, SIGMA[s + 14]!, SIGMA[s + 15]!);
  }
  for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
}

function initialState(keyLength: number, salt: Uint8Array): Uint32Array {
  if (keyLength > 64) throw new Error(`blake2b: the key is ${keyLength} bytes; at most 64 are allowed (set keySize ≤ 64 in the schema).`);
  if (salt.length > 16) throw new Error(`blake2b: the salt is ${salt.length} bytes; at most 16 are allowed.`);
  const h = new Uint32Array(IV);
  h[0] = h[0]! ^ 0x01010000 ^ (keyLength << 8) ^ 64;
  const s = new Uint8Array(16);
  s.set(salt);
  for (let i = 0; i < 4; i++) h[8 + i] = h[8 + i]! ^ (s[i * 4]! | (s[i * 4 + 1]! << 8) | (s[i * 4 + 2]! << 16) | (s[i * 4 + 3]! << 24));
  return h;
}

/** Hashes `message` from state `h` after `done` bytes already compressed; returns the digest. */
function finish(h: Uint32Array, message: Uint8Array, done: number): Uint8Array {
  const blocks = Math.max(1, Math.ceil(message.length / 128));
  const input = new Uint8Array(blocks * 128);
  input.set(message);
  for (let b = 0; b < blocks; b++) {
    const last = b === blocks - 1;
    compress(h, input, b * 128, done + (last ? message.length : (b + 1) * 128), last);
  }
  const out = new Uint8Array(64);
  for (let i = 0; i < 64; i++) out[i] = h[i >> 2]! >>> (8 * (i & 3));
  return out;
}

/**
 * BLAKE2b with a 64-byte digest, an optional key (≤ 64 bytes) and salt (≤ 16 bytes, zero-padded),
 * equal to Python's `hashlib.blake2b(message, key=key, salt=salt).digest()`.
 */
export function blake2b(message: Uint8Array, key: Uint8Array = new Uint8Array(0), salt: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (key.length === 0) return finish(initialState(0, salt), message, 0);
  const block = new Uint8Array(128 + message.length);
  block.set(key);
  block.set(message, 128);
  return finish(initialState(key.length, salt), block, 0);
}

/**
 * The same keyed BLAKE2b as a function of the message alone, with the key block compressed once
 * (it is the same for every message): about half the work per call.
 */
export function keyedBlake2b(key: Uint8Array, salt: Uint8Array): (message: Uint8Array) => Uint8Array {
  if (key.length === 0) return (message) => blake2b(message, key, salt);
  const keyed = initialState(key.length, salt);
  const block = new Uint8Array(128);
  block.set(key);
  compress(keyed, block, 0, 128, false);
  return (message) => (message.length === 0 ? blake2b(message, key, salt) : finish(new Uint32Array(keyed), message, 128));
}
