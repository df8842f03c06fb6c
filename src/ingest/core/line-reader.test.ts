import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLines } from './line-reader.ts';

async function* chunks(parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

const cut = (text: string, at: number[]): string[] => {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length)).filter((p) => p !== '');
};

describe('readLines', () => {
  it('numbers lines, strips CRLF and marks a last line without a break', async () => {
    const lines = [];
    for await (const line of readLines(chunks(['a\r\nb', 'c\n\nd']))) lines.push(line);
    expect(lines).toEqual([
      { number: 1, text: 'a', terminated: true }, { number: 2, text: 'bc', terminated: true },
      { number: 3, text: '', terminated: true }, { number: 4, text: 'd', terminated: false },
    ]);
  });

  it('gives the same lines however the text is cut into chunks', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r\n', 'é') }), fc.array(fc.nat()), async (text, at) => {
      const lines = [];
      for await (const line of readLines(chunks(cut(text, at)))) lines.push(line.text);
      expect(lines.join('\n')).toBe(text.replaceAll('\r\n', '\n').replace(/\n$/, ''));
    }), { numRuns: 200 });
  });
});
