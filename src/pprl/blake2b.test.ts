import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2b, keyedBlake2b } from './blake2b.ts';

const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const key64 = Uint8Array.from({ length: 64 }, (_, i) => i);

// Expected digests from Python's hashlib.blake2b(message, key=key, salt=salt), as clkhash calls it.
const cases = [
  { description: 'a bigram, salt 0', message: utf8('ab'), key: key64, salt: utf8('0'), digest: '52872e07b331713aff6aec8150e0211abbb611f00bf4673e22a09a766df9c6b9c2d229c95d506d1d6ed9492fcbb8a95766c38e19412be55cbf72e220b8c4e901' },
  { description: 'a padded bigram, salt 1', message: utf8(' j'), key: key64, salt: utf8('1'), digest: '019ab756827c60486324ea62bdb3da65668380a980ff93b34b2a672699630142afa076bb8cac9fb48da2424f10760f62217d32b446822ae8d7a5b1f086bfc088' },
  { description: 'the empty message', message: new Uint8Array(0), key: key64, salt: utf8('0'), digest: '906660fea884daa64847b4686cfbb0e13ae72c1688fa7afe1a20ce8ae5b4f7e5e26c880aff0507419cee3432702e3cf5fa997c85b3172da579994ceeb94969b3' },
  { description: 'two blocks, a two-byte salt', message: Uint8Array.from({ length: 200 }, (_, i) => i), key: key64, salt: utf8('12'), digest: 'bb2089a043e2c0b90661104feb1699172d1011494e6f82dddb3c19379898b5359a0ac5134287d9c1700289eba8cc8cd1fc97c5fb4a5e153bcca3f343245847a6' },
  { description: '127 bytes, short key', message: utf8('x'.repeat(127)), key: utf8('k'.repeat(16)), salt: new Uint8Array(0), digest: 'fac8615ca3e108dfaffeeb8334ea8ee4d13889066308b062c94dd446cfd73d40d6b74f94b1ac2cc3ce31b2a849c79f4b1ee3deb943c8a6e344bad0668888a016' },
  { description: 'exactly one block', message: utf8('x'.repeat(128)), key: utf8('k'.repeat(16)), salt: new Uint8Array(0), digest: '34dc49cd46281317f01626953f2b8ce7890dc783fdb1b248b99d16ed5e4bf94f12ab4c18c624dada346f289ecef56e7fe55fd2634ae742da9086b884766f60e2' },
  { description: 'one block and a byte', message: utf8('x'.repeat(129)), key: utf8('k'.repeat(16)), salt: new Uint8Array(0), digest: '13fbe3a03345b96511fbc322107ba16a87da8ce3957ae658231f96316cbb20427d2d42084e3fd952c10696ea869c864169ca586d6b8494e7afb1788bfa8e7322' },
];

describe('blake2b', () => {
  it.each(cases)('matches hashlib for $description', ({ message, key, salt, digest }) => {
    expect(hex(blake2b(message, key, salt))).toBe(digest);
    expect(hex(keyedBlake2b(key, salt)(message))).toBe(digest);
  });

  it('equals Node\'s unkeyed BLAKE2b-512 for lengths around the block size', () => {
    for (const n of [0, 1, 127, 128, 129, 255, 256, 300]) {
      const m = Uint8Array.from({ length: n }, (_, i) => (i * 7) & 0xff);
      expect(hex(blake2b(m))).toBe(createHash('blake2b512').update(m).digest('hex'));
    }
  });

  it('refuses a key longer than 64 bytes, saying what to change', () => {
    expect(() => blake2b(new Uint8Array(1), new Uint8Array(65))).toThrow(/keySize ≤ 64/);
  });
});
