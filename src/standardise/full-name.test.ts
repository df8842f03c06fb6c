import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFullName, type NameLayout } from './full-name.ts';
import { NAME_LAYOUTS } from '../ingest/mapping-schema.ts';

const parts = (given: string | null, middle: string | null, family: string | null) => ({ given, middle, family });

describe('splitFullName', () => {
  it.each([
    { description: 'police style', raw: 'SMITH/JOHN PAUL', layout: 'SURNAME/FORENAMES', expected: parts('JOHN', 'PAUL', 'SMITH') },
    { description: 'police style, spaces round the slash', raw: 'SMITH-JONES / MARY ', layout: 'SURNAME/FORENAMES', expected: parts('MARY', null, 'SMITH-JONES') },
    { description: 'register style', raw: 'Smith, John Paul George', layout: 'SURNAME, FORENAMES', expected: parts('John', 'Paul George', 'Smith') },
    { description: 'register style with a title', raw: "O'Brien, Mr Sean", layout: 'SURNAME, FORENAMES', expected: parts('Sean', null, "O'Brien") },
    { description: 'natural order', raw: 'Mary Ann Smith', layout: 'FORENAMES SURNAME', expected: parts('Mary', 'Ann', 'Smith') },
    { description: 'natural order with title', raw: 'Mrs Jane Smith', layout: 'FORENAMES SURNAME', expected: parts('Jane', null, 'Smith') },
    { description: 'surname particles stay with the surname', raw: 'Mary Ann de la Cruz', layout: 'FORENAMES SURNAME', expected: parts('Mary', 'Ann', 'de la Cruz') },
    { description: 'Dutch particles', raw: 'Pieter van der Berg', layout: 'FORENAMES SURNAME', expected: parts('Pieter', null, 'van der Berg') },
    { description: 'a forename is never taken as a particle', raw: 'De Smith', layout: 'FORENAMES SURNAME', expected: parts('De', null, 'Smith') },
    { description: 'hyphenated surname is one word', raw: 'Amy Smith-Jones', layout: 'FORENAMES SURNAME', expected: parts('Amy', null, 'Smith-Jones') },
    { description: 'single word is the family name', raw: 'Smith', layout: 'FORENAMES SURNAME', expected: parts(null, null, 'Smith') },
    { description: 'missing slash: all family', raw: 'SMITH JOHN', layout: 'SURNAME/FORENAMES', expected: parts(null, null, 'SMITH JOHN') },
    { description: 'no forenames after the comma', raw: 'Smith,', layout: 'SURNAME, FORENAMES', expected: parts(null, null, 'Smith') },
    { description: 'no surname before the slash', raw: '/JOHN', layout: 'SURNAME/FORENAMES', expected: parts('JOHN', null, null) },
    { description: 'empty', raw: '   ', layout: 'FORENAMES SURNAME', expected: parts(null, null, null) },
  ] as { description: string; raw: string; layout: NameLayout; expected: ReturnType<typeof parts> }[])('$description', ({ raw, layout, expected }) => {
    expect(splitFullName(raw, layout)).toEqual(expected);
  });

  it('handles every layout the mapping schema allows', () => {
    for (const layout of NAME_LAYOUTS) expect(splitFullName('A/B, C D', layout).family).not.toBeNull();
  });

  it('never throws and never invents words', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...NAME_LAYOUTS), (raw, layout) => {
      const { given, middle, family } = splitFullName(raw, layout);
      for (const part of [given, middle, family]) if (part !== null) expect(part.trim()).toBe(part);
      const words = [given, middle, family].filter((p) => p !== null).join(' ').split(/\s+/).filter(Boolean);
      for (const w of words) expect(raw).toContain(w);
    }));
  });
});
