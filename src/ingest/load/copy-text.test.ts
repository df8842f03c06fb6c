import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyField, copyJson } from './copy-text.ts';

/** PostgreSQL's reading of one text-format field (the inverse of copyField). */
function unescape(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c] ?? c);
}

describe('COPY text fields', () => {
  it.each([
    [null, '\\N'], [undefined, '\\N'], ['', ''], ['plain', 'plain'], [true, 't'], [false, 'f'], [42, '42'],
    ['a\tb', 'a\\tb'], ['line\nbreak\r', 'line\\nbreak\\r'], ['back\\slash', 'back\\\\slash'], ['\\N', '\\\\N'],
  ])('%j → %j', (value, field) => {
    expect(copyField(value)).toBe(field);
  });

  it('JSON is written as its text, escaped', () => {
    expect(copyJson({ a: 'x"y\\z' })).toBe('{"a":"x\\\\"y\\\\\\\\z"}');
    expect(copyJson(null)).toBe('\\N');
  });

  it('a field never holds a bare tab or line break, and reads back as it was', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const field = copyField(text);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(unescape(field)).toBe(text);
    }));
  });
});
