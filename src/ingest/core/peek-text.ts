/** Looks at the first non-blank character of streamed text without losing any of it. */

export interface Peeked {
  /** The first non-whitespace character, or null for blank text. */
  readonly first: string | null;
  /** The whole text, including what was read to peek. */
  readonly text: AsyncIterable<string>;
}

/** Reads just enough chunks to see the first non-whitespace character. */
export async function peekText(chunks: AsyncIterable<string>): Promise<Peeked> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let first: string | null = null;
  while (first === null) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const match = /\S/.exec(next.value);
    if (match) first = match[0];
  }
  async function* text(): AsyncGenerator<string> {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { first, text: text() };
}
