import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatten } from './flatten.ts';

describe('flatten', () => {
  it.each([
    { description: 'nested objects become dotted keys', value: { a: { b: { c: 1 } } }, fields: { 'a.b.c': '1' }, groups: {} },
    { description: 'arrays of scalars are joined by ; and indexed', value: { tags: ['x', null, 'y'] }, fields: { tags: 'x;y', 'tags.0': 'x', 'tags.1': null, 'tags.2': 'y' }, groups: {} },
    { description: 'arrays of objects are indexed and grouped', value: { e: [{ t: 'A' }, { t: 'B', n: { d: '1' } }] }, fields: { 'e.0.t': 'A', 'e.1.t': 'B', 'e.1.n.d': '1' }, groups: { e: [{ t: 'A' }, { t: 'B', 'n.d': '1' }] } },
    { description: 'an empty array is an empty group', value: { e: [] }, fields: { e: null }, groups: { e: [] } },
    { description: 'XML text beside attributes sits at the element key', value: { name: { '@type': 'legal', '#text': 'Ann' } }, fields: { name: 'Ann', 'name.@type': 'legal' }, groups: {} },
    { description: 'booleans and numbers become strings, null stays null', value: { ok: true, n: 1.5, x: null }, fields: { ok: 'true', n: '1.5', x: null }, groups: {} },
    { description: 'groups are found below the top level, but not inside another array', value: { a: { b: [{ c: [{ d: 1 }] }] } }, fields: { 'a.b.0.c.0.d': '1' }, groups: { 'a.b': [{ 'c.0.d': '1' }] } },
  ])('$description', ({ value, fields, groups }) => {
    expect(flatten(value)).toEqual({ fields, groups });
  });

  it('never loses a scalar: every leaf of any JSON object is a field under its path', () => {
    const key = fc.stringMatching(/^[a-z]{1,4}$/);
    fc.assert(fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 })), (value) => {
      const { fields } = flatten(value);
      const leaves: [string, unknown][] = [];
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}.${i}`));
        else if (node !== null && typeof node === 'object') Object.entries(node).forEach(([k, v]) => walk(v, path ? `${path}.${k}` : k));
        else leaves.push([path, node]);
      };
      walk(value, '');
      for (const [path, leaf] of leaves) expect(fields[path]).toBe(leaf === null ? null : String(leaf));
    }), { numRuns: 200 });
  });
});
