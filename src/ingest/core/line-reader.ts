/** Splits streamed text into numbered lines (`\n` or `\r\n`), holding at most one partial line. */

export interface Line {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
  /** False only for a last line with no line break after it. */
  readonly terminated: boolean;
}

export interface LineSplitter {
  /** Splits off every line the text completes. */
  write(text: string): void;
  /** Gives the last line, when the text did not end with a line break. */
  end(): void;
}

/** Hands every line of the text written to it, blank ones included, to `onLine` as it is completed. */
export function splitLines(onLine: (number: number, text: string, terminated: boolean) => void): LineSplitter {
  let number = 0;
  let partial = '';
  return {
    write(chunk) {
      const text = partial + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        number += 1;
        onLine(number, text.slice(start, end), true);
        start = nl + 1;
      }
      partial = text.slice(start);
    },
    end() {
      if (partial === '') return;
      number += 1;
      onLine(number, partial.endsWith('\r') ? partial.slice(0, -1) : partial, false);
      partial = '';
    },
  };
}

/** Yields every line of the text, including blank ones. */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  const lines: Line[] = [];
  const splitter = splitLines((number, text, terminated) => lines.push({ number, text, terminated }));
  for await (const chunk of chunks) {
    splitter.write(chunk);
    yield* lines.splice(0);
  }
  splitter.end();
  yield* lines;
}
