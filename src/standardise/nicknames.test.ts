import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName } from './name.ts';
import { canonicalGivenName, givenNameAliases } from './nicknames.ts';

describe('canonicalGivenName', () => {
  it.each([
    { description: 'Bill is William', name: 'bill', expected: 'william' },
    { description: 'Peggy is Margaret', name: 'peggy', expected: 'margaret' },
    { description: 'Jim is James', name: 'jim', expected: 'james' },
    { description: 'Alex: first formal listed', name: 'alex', expected: 'alexander' },
    { description: 'a formal name is unchanged', name: 'william', expected: 'william' },
    { description: 'an unknown name is unchanged', name: 'zebedee', expected: 'zebedee' },
    { description: 'not normalised: unchanged', name: 'Bill', expected: 'Bill' },
    { description: 'empty', name: '', expected: '' },
  ])('$description', ({ name, expected }) => {
    expect(canonicalGivenName(name)).toBe(expected);
  });
});

describe('givenNameAliases', () => {
  it.each([
    { description: 'a nickname with two formal names', name: 'alex', includes: ['alex', 'alexander', 'alexandra', 'sasha', 'alec', 'lexi'] },
    { description: 'a formal name and its nicknames', name: 'margaret', includes: ['margaret', 'peggy', 'maggie', 'meg'] },
    { description: 'a nickname reaches its siblings', name: 'bill', includes: ['bill', 'william', 'will', 'billy', 'willie'] },
  ])('$description', ({ name, includes }) => {
    const aliases = givenNameAliases(name);
    expect(aliases[0]).toBe(name);
    expect(aliases).toEqual(expect.arrayContaining(includes));
  });

  it('an unknown name is its own only alias', () => {
    expect(givenNameAliases('zebedee')).toEqual(['zebedee']);
  });

  it('never throws; the name comes first and appears once', () => {
    fc.assert(fc.property(fc.string(), (name) => {
      const aliases = givenNameAliases(name);
      expect(aliases[0]).toBe(name);
      expect(new Set(aliases).size).toBe(aliases.length);
    }));
  });
});

describe('data/nicknames.csv', () => {
  const lines = readFileSync(new URL('./data/nicknames.csv', import.meta.url), 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((line) => line.split(','));

  it('has the header and a few hundred rows of two normalised names', () => {
    expect(lines[0]).toBe('nickname,formal');
    expect(rows.length).toBeGreaterThan(300);
    for (const row of rows) {
      expect(row).toHaveLength(2);
      for (const name of row) expect(normaliseName(name)).toBe(name);
    }
  });

  it('has no duplicate or self-mapping rows', () => {
    expect(new Set(lines).size).toBe(lines.length);
    for (const [nickname, formal] of rows) expect(nickname).not.toBe(formal);
  });

  it('maps every nickname back into its formal name’s aliases', () => {
    for (const [nickname = '', formal = ''] of rows) {
      expect(givenNameAliases(formal)).toContain(nickname);
      expect(givenNameAliases(nickname)).toContain(formal);
    }
  });
});
