import { describe, expect, it } from 'vitest';
import { siphash24 } from './siphash.ts';

const key = Uint8Array.from({ length: 16 }, (_, i) => i);
const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i);

describe('siphash24', () => {
  // The reference vectors of Aumasson & Bernstein (key 00..0f, message 00..n-1), as output bytes.
  it.each([
    { description: 'the empty message', n: 0, digest: '310e0edd47db6f72' },
    { description: 'one byte', n: 1, digest: 'fd67dc93c539f874' },
    { description: 'seven bytes', n: 7, digest: '37d1018bf50002ab' },
    { description: 'exactly one block', n: 8, digest: '6224939a79f5f593' },
    { description: 'fifteen bytes (the paper\'s example)', n: 15, digest: 'e545be4961ca29a1' },
  ])('gives the reference output for $description', ({ n, digest }) => {
    expect(hex(siphash24(key, bytes(n)))).toBe(digest);
  });

  it('depends on the key', () => {
    const other = Uint8Array.from({ length: 16 }, (_, i) => 15 - i);
    expect(hex(siphash24(other, bytes(15)))).not.toBe('e545be4961ca29a1');
  });
});
