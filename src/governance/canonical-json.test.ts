import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from './canonical-json.ts';

describe('canonicalJson', () => {
  it.each([
    { description: 'sorts keys', value: { b: 1, a: 2 }, json: '{"a":2,"b":1}' },
    { description: 'sorts nested keys and keeps array order', value: { z: [{ y: 1, x: 2 }, 3], a: null }, json: '{"a":null,"z":[{"x":2,"y":1},3]}' },
    { description: 'escapes strings as JSON does', value: { 'k"': 'line\nbreak' }, json: '{"k\\"":"line\\nbreak"}' },
    { description: 'keeps booleans and numbers', value: [true, false, 1.5, -0, 0], json: '[true,false,1.5,0,0]' },
  ])('$description', ({ value, json }) => {
    expect(canonicalJson(value as Json)).toBe(json);
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/not JSON/);
  });

  it('is the same for any key order, and parses back to the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = canonicalJson(value as Json);
      expect(canonicalJson(JSON.parse(text) as Json)).toBe(text);
      const reversed = JSON.parse(JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse()) : v)));
      expect(canonicalJson(reversed as Json)).toBe(text);
    }));
  });
});
