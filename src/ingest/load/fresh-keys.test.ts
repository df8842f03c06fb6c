import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshKeys } from './fresh-keys.ts';

describe('freshKeys', () => {
  it.each([
    { description: 'a dataset that held records: always upsert', wasEmpty: false, chunks: [['a'], ['b']], modes: ['upsert', 'upsert'] },
    { description: 'new keys into an empty dataset: insert', wasEmpty: true, chunks: [['a', 'b'], ['c']], modes: ['insert', 'insert'] },
    { description: 'a key seen in an earlier chunk: upsert', wasEmpty: true, chunks: [['a', 'b'], ['c', 'a'], ['d']], modes: ['insert', 'upsert', 'insert'] },
    { description: 'an upserted chunk still counts its keys as held', wasEmpty: true, chunks: [['a'], ['a', 'e'], ['e']], modes: ['insert', 'upsert', 'upsert'] },
  ])('$description', ({ wasEmpty, chunks, modes }) => {
    const fresh = freshKeys(wasEmpty);
    expect(chunks.map((keys) => fresh.modeFor(keys))).toEqual(modes);
  });

  it('never calls a chunk insert when one of its keys was in an earlier chunk (any keys, any order)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 8 }), { maxLength: 12 }), (chunks) => {
      const fresh = freshKeys(true);
      const seen = new Set<string>();
      for (const keys of chunks) {
        const mode = fresh.modeFor(new Set(keys));
        if (keys.some((k) => seen.has(k))) expect(mode).toBe('upsert');
        for (const k of keys) seen.add(k);
      }
    }));
  });

  it('remembers many keys (the table grows) and tells new from held', () => {
    const fresh = freshKeys(true);
    for (let c = 0; c < 40; c += 1) expect(fresh.modeFor(Array.from({ length: 5000 }, (_, i) => `subject\u0000B${c * 5000 + i}`))).toBe('insert');
    expect(fresh.modeFor(['subject\u0000B123456'])).toBe('upsert');
    expect(fresh.modeFor(['contact\u0000B123456'])).toBe('insert');
  });
});
