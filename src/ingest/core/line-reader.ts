/** Splits streamed text into numbered lines (`\n` or `\r\n`), holding at most one partial line. */

export interface Line {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
  /** False only for a last line with no line break after it. */
  readonly terminated: boolean;
}

/** Yields every line of the text, including blank ones. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let number = 0;
  let partial = '';
  for await (const chunk of chunks) {
    const text = partial + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      number += 1;
      yield { number, text: text.slice(start, end), terminated: true };
      start = nl + 1;
    }
    partial = text.slice(start);
  }
  if (partial !== '') {
    number += 1;
    yield { number, text: partial.endsWith('\r') ? partial.slice(0, -1) : partial, terminated: false };
  }
}
