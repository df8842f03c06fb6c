import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripTitles } from './titles.ts';

describe('stripTitles', () => {
  it.each([
    { description: 'Mr', name: 'Mr John Smith', expected: 'John Smith' },
    { description: 'Mrs with full stop', name: 'Mrs. Jane Smith', expected: 'Jane Smith' },
    { description: 'Miss, lower case', name: 'miss amy jones', expected: 'amy jones' },
    { description: 'Master (a boy)', name: 'MASTER TOM BROWN', expected: 'TOM BROWN' },
    { description: 'Dr and Ms both', name: 'Dr Ms Priya Patel', expected: 'Priya Patel' },
    { description: 'Mx', name: 'Mx Sam Lee', expected: 'Sam Lee' },
    { description: 'title-like start of a name is kept', name: 'Drew Miles', expected: 'Drew Miles' },
    { description: 'Missy is not Miss', name: 'Missy Elliott', expected: 'Missy Elliott' },
    { description: 'title later on is kept', name: 'John Master', expected: 'John Master' },
    { description: 'a title alone is kept', name: 'Master', expected: 'Master' },
    { description: 'empty', name: '', expected: '' },
  ])('$description', ({ name, expected }) => {
    expect(stripTitles(name)).toBe(expected);
  });

  it('never throws and never empties a name', () => {
    fc.assert(fc.property(fc.string(), (name) => {
      const stripped = stripTitles(name);
      if (name.trim() !== '') expect(stripped).not.toBe('');
    }));
  });
});
