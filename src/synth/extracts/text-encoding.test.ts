import { describe, expect, it } from 'vitest';
import { csvLine, fixed, xmlText } from './text-encoding.ts';

describe('text encoding', () => {
  it.each([
    { description: 'plain values and numbers', values: ['a', 1, 'b'], line: 'a,1,b\n' },
    { description: 'null and undefined as empty fields', values: [null, 'x', undefined], line: ',x,\n' },
    { description: 'a comma, quoted', values: ['12 Oak Road, TB1 4QX'], line: '"12 Oak Road, TB1 4QX"\n' },
    { description: 'a quote, doubled', values: ['say "hi"'], line: '"say ""hi"""\n' },
    { description: 'a line break, quoted', values: ['a\nb'], line: '"a\nb"\n' },
  ])('csvLine: $description', ({ values, line }) => {
    expect(csvLine(values)).toBe(line);
  });

  it.each([
    { description: 'XML special characters', text: `O'Hara & <Sons> "Ltd"`, expected: 'O&apos;Hara &amp; &lt;Sons&gt; &quot;Ltd&quot;' },
  ])('xmlText: $description', ({ text, expected }) => {
    expect(xmlText(text)).toBe(expected);
  });

  it.each([
    { description: 'pads a short value', value: 'AB', length: 4, expected: 'AB  ' },
    { description: 'cuts a long value', value: 'ABCDEF', length: 4, expected: 'ABCD' },
    { description: 'blanks a missing value', value: null, length: 3, expected: '   ' },
  ])('fixed: $description', ({ value, length, expected }) => {
    expect(fixed(value, length)).toBe(expected);
  });
});
