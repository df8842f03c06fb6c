import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens, normaliseName } from './name.ts';

describe('normaliseName', () => {
  it.each([
    { description: 'case and outer spaces', raw: '  JOHN  ', expected: 'john' },
    { description: 'straight apostrophe removed', raw: "O'Brien", expected: 'obrien' },
    { description: 'curly apostrophe removed', raw: 'D’Souza', expected: 'dsouza' },
    { description: 'backtick as apostrophe', raw: 'O`Neill', expected: 'oneill' },
    { description: 'hyphen becomes a space', raw: 'Smith-Jones', expected: 'smith jones' },
    { description: 'acute accent', raw: 'Siobhán', expected: 'siobhan' },
    { description: 'diaeresis', raw: 'Zoë', expected: 'zoe' },
    { description: 'Vietnamese stacked marks', raw: 'Nguyễn Thị', expected: 'nguyen thi' },
    { description: 'Polish Ł and Nordic Ø fold', raw: 'ŁUKASZ Østergaard', expected: 'lukasz ostergaard' },
    { description: 'German ß', raw: 'Straße', expected: 'strasse' },
    { description: 'Turkish dotted capital I', raw: 'İlker', expected: 'ilker' },
    { description: 'ligature (compatibility form)', raw: 'ﬁnn', expected: 'finn' },
    { description: 'full-width letters', raw: 'ＪＯＨＮ', expected: 'john' },
    { description: 'punctuation runs become one space', raw: 'Mary.-Jane,, Smith', expected: 'mary jane smith' },
    { description: 'tabs and newlines collapse', raw: 'anne\t\nmarie', expected: 'anne marie' },
    { description: 'non-Latin script kept', raw: 'Алексей', expected: 'алексеи' },
    { description: 'digits kept', raw: 'Henry VIII 2nd', expected: 'henry viii 2nd' },
    { description: 'empty', raw: '', expected: null },
    { description: 'only punctuation', raw: " - ' . ", expected: null },
    { description: 'null', raw: null, expected: null },
    { description: 'undefined', raw: undefined, expected: null },
  ])('$description', ({ raw, expected }) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it('is idempotent and never throws, for any Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => {
      const once = normaliseName(raw);
      expect(normaliseName(once)).toBe(once);
      if (once !== null) expect(once).toMatch(/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u);
    }), { numRuns: 200 });
  });
});

describe('nameTokens', () => {
  it.each([
    { description: 'hyphenated forenames', raw: 'Mary-Jane Smith', expected: ['mary', 'jane', 'smith'] },
    { description: 'apostrophe stays one token', raw: "O'Brien", expected: ['obrien'] },
    { description: 'empty', raw: '  ', expected: [] },
    { description: 'null', raw: null, expected: [] },
  ])('$description', ({ raw, expected }) => {
    expect(nameTokens(raw)).toEqual(expected);
  });
});
